package io.formcheck.function;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** The body of every refusal: what is wrong with the request. */
@RegisterForReflection
public record ErrorAnswer(String error) {}
