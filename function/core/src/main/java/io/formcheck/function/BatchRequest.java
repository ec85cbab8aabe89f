package io.formcheck.function;

import com.fasterxml.jackson.annotation.JsonFormat;
import io.quarkus.runtime.annotations.RegisterForReflection;
import java.util.List;

/**
 * Several repetitions in one call; answered one by one, in order. Its key is matched exactly on both
 * bindings (Funqy would otherwise match it regardless of case).
 */
@JsonFormat(without = JsonFormat.Feature.ACCEPT_CASE_INSENSITIVE_PROPERTIES)
@RegisterForReflection
public record BatchRequest(List<ClassifyRequest> repetitions) {}
