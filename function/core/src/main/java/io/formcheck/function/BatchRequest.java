package io.formcheck.function;

import io.quarkus.runtime.annotations.RegisterForReflection;
import java.util.List;

/** Several repetitions in one call; answered one by one, in order. */
@RegisterForReflection
public record BatchRequest(List<ClassifyRequest> repetitions) {}
