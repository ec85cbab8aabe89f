package io.formcheck.function;

import io.quarkus.runtime.annotations.RegisterForReflection;
import java.util.Map;

/** The verdict on one repetition: the likeliest manner, its probability, and every label's. */
@RegisterForReflection
public record Classification(
        String label, String description, double confidence, Map<String, Double> probabilities, ModelRef model) {

    /** Which model answered. */
    @RegisterForReflection
    public record ModelRef(String name, String version, String trainedAt) {}
}
