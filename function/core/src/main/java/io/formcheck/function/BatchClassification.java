package io.formcheck.function;

import io.quarkus.runtime.annotations.RegisterForReflection;
import java.util.List;

/** One classification per repetition of a {@link BatchRequest}, in the same order. */
@RegisterForReflection
public record BatchClassification(List<Classification> results) {}
