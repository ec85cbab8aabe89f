package io.formcheck.function;

import com.fasterxml.jackson.annotation.JsonFormat;
import io.quarkus.runtime.annotations.RegisterForReflection;
import java.util.List;
import java.util.Map;

/**
 * One repetition: its readings in time order, each keyed by WLE feature name. Values are taken as
 * plain JSON values and checked one by one, so a bad one is named rather than failing the whole parse.
 * Its key is matched exactly on both bindings (Funqy would otherwise match it regardless of case).
 */
@JsonFormat(without = JsonFormat.Feature.ACCEPT_CASE_INSENSITIVE_PROPERTIES)
@RegisterForReflection
public record ClassifyRequest(List<Map<String, Object>> samples) {}
