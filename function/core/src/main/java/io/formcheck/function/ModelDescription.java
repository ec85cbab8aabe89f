package io.formcheck.function;

import io.quarkus.runtime.annotations.RegisterForReflection;
import java.util.List;
import java.util.Map;

/** What the loaded model is: architecture, inputs, labels, limits and how it was trained. */
@RegisterForReflection
public record ModelDescription(
        String name,
        String version,
        String trainedAt,
        Map<String, String> architecture,
        List<String> features,
        List<Label> labels,
        int maxSequenceLength,
        int maxSamples,
        int maxBatch,
        Map<String, String> training) {

    /** A class label and what it means. */
    @RegisterForReflection
    public record Label(String name, String description) {}
}
