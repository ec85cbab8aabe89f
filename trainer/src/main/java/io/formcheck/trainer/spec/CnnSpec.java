package io.formcheck.trainer.spec;

import io.formcheck.trainer.nn.ClassifierNet;
import io.formcheck.trainer.nn.CnnClassifierNet;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The 1D-CNN: temporal convolutions ('same' padding, ReLU), the mean over the steps, then the head, which
 * may also read the window's statistics.
 */
public record CnnSpec(
        int filters,
        int kernel,
        int layers,
        StatisticsSpec statistics,
        Head head,
        Optimization optimization,
        Augmentation augmentation,
        boolean center,
        long seed)
        implements NetworkSpec {

    public CnnSpec {
        Checks.positive("filters", filters);
        Checks.positive("layers", layers);
        if (kernel <= 0 || kernel % 2 == 0) {
            throw new IllegalArgumentException("kernel size must be a positive odd number, got " + kernel);
        }
    }

    @Override
    public Architecture architecture() {
        return Architecture.CNN;
    }

    @Override
    public ClassifierNet network(int features, int classes) {
        return new CnnClassifierNet(new CnnClassifierNet.Shape(
                features, filters, kernel, layers, statistics.size(), head.hidden(), classes, head.dropout()));
    }

    @Override
    public CnnSpec withSeed(long newSeed) {
        return new CnnSpec(filters, kernel, layers, statistics, head, optimization, augmentation, center, newSeed);
    }

    @Override
    public CnnSpec withEpochs(int epochs) {
        return new CnnSpec(
                filters, kernel, layers, statistics, head, optimization.withEpochs(epochs), augmentation, center, seed);
    }

    @Override
    public Map<String, String> describe() {
        Map<String, String> encoder = new LinkedHashMap<>();
        encoder.put("filters", String.valueOf(filters));
        encoder.put("kernel", String.valueOf(kernel));
        encoder.put("statistics", statistics.describe());
        return NetworkSpec.describe(encoder, this);
    }
}
