package io.formcheck.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** The window statistics a CNN's head reads: written and read back, applied, and refused when unusable. */
class StatisticsInputTest {
    private static final String SPEC = "rp=abs;amag=mm";

    private static StatisticsInput statistics(float clip) {
        WindowFeatures features = WindowFeatures.parse(SPEC);
        float[] mean = new float[features.size()];
        float[] std = new float[features.size()];
        for (int j = 0; j < mean.length; j++) {
            mean[j] = j - 3;
            std[j] = 0.5f + j;
        }
        return new StatisticsInput(features, clip, mean, std);
    }

    /** A CNN model file whose head reads the statistics, with random weights. */
    private static ModelFile cnnFile(StatisticsInput statistics) {
        CnnSchema schema = new CnnSchema(Features.COUNT, 4, 3, 1, statistics.size(), 5, 2);
        Map<String, String> header = new TreeMap<>(schema.header());
        header.putAll(statistics.header());
        header.put(ModelFile.FEATURES, String.join(",", Features.NAMES));
        header.put(ModelFile.LABELS, "X,Y");
        Map<String, Tensor> tensors = new LinkedHashMap<>();
        float[] ones = new float[Features.COUNT];
        java.util.Arrays.fill(ones, 1f);
        tensors.put(ModelFile.INPUT_MEAN, Tensor.of(ModelFile.INPUT_MEAN, new float[Features.COUNT], Features.COUNT));
        tensors.put(ModelFile.INPUT_STD, Tensor.of(ModelFile.INPUT_STD, ones, Features.COUNT));
        Random rng = new Random(7);
        for (TensorSpec spec : schema.tensors()) {
            float[] v = new float[spec.size()];
            for (int i = 0; i < v.length; i++) {
                v[i] = (float) rng.nextGaussian();
            }
            tensors.put(spec.name(), spec.of(v));
        }
        for (Tensor t : statistics.tensors()) {
            tensors.put(t.name(), t);
        }
        return new ModelFile(new TreeMap<>(header), tensors);
    }

    @Test
    void entriesAndTensorsReadBackToTheSameStatistics() throws ModelFormatException {
        StatisticsInput written = statistics(1.5f);
        ModelFile file = cnnFile(written);
        StatisticsInput read = StatisticsInput.read(file).orElseThrow();
        assertEquals(SPEC, read.features().spec());
        assertEquals(1.5f, read.clip());
        assertArrayEquals(written.mean(), read.mean());
        assertArrayEquals(written.std(), read.std());
        assertEquals(written.size(), CnnSchema.read(file).statistics(), "the CNN's head reads them");
        assertEquals(written.size() + 4, CnnSchema.read(file).head().input());
        assertEquals(Optional.empty(), StatisticsInput.read(new ModelFile(new TreeMap<>(), Map.of())));
    }

    @Test
    void eachStatisticIsStandardizedThenClipped() {
        StatisticsInput s = statistics(1.5f);
        float[] raw = new float[s.size()];
        raw[0] = -3 + 0.5f * 0.5f; // (x - mean) / std = 0.5, kept
        raw[1] = -2 + 1.5f * 10; // 10 standard deviations, clipped to 1.5
        raw[2] = -1 - 2.5f * 2; // -2, clipped to -1.5
        float[] out = s.apply(raw);
        assertEquals(0.5f, out[0], 1e-6);
        assertEquals(1.5f, out[1]);
        assertEquals(-1.5f, out[2]);
        float[][] window = new float[20][Features.COUNT];
        for (int t = 0; t < window.length; t++) {
            window[t][0] = t; // roll of the belt
        }
        assertArrayEquals(s.apply(WindowFeatures.parse(SPEC).of(window)), s.apply(window));
    }

    @Test
    void unusableStatisticsAreRefusedNamingTheProblem() {
        ModelFile good = cnnFile(statistics(1.5f));
        assertRefused(with(good, "statistics.clip", "wide"), "'statistics.clip' is not a number: 'wide'");
        assertRefused(with(good, "statistics.clip", "-1"), "clip must be a positive number, got -1.0");
        assertRefused(with(good, "statistics.features", "rp=abs;spin=abs"), "'statistics.features'");
        assertRefused(
                with(good, "statistics.features", "rp=abs"),
                "tensor 'fc1.weight' has shape [5, "
                        + (4 + WindowFeatures.parse(SPEC).size()) + "]");
        Map<String, Tensor> tensors = new TreeMap<>(good.tensors());
        tensors.remove("statistics.std");
        assertRefused(new ModelFile(good.header(), tensors), "lacks the tensor 'statistics.std'");
        float[] zero = good.tensors().get("statistics.std").data().clone();
        zero[2] = 0;
        tensors.put("statistics.std", Tensor.of("statistics.std", zero, zero.length));
        assertRefused(new ModelFile(good.header(), tensors), "deviation must be positive and finite, got 0.0");
    }

    @Test
    void aModelFileWithStatisticsLoadsOnlyWhereItsNetworkReadsThem() throws ModelFormatException {
        ModelFile good = cnnFile(statistics(1.5f));
        float[] p = new Classifier(good).probabilities(new float[3][Features.COUNT]);
        assertEquals(1.0, p[0] + p[1], 1e-6);

        Map<String, String> lstm = new TreeMap<>(ClassifierTest.tinyModel(1).header());
        lstm.putAll(statistics(1.5f).header());
        Map<String, Tensor> tensors = new TreeMap<>(ClassifierTest.tinyModel(1).tensors());
        for (Tensor t : statistics(1.5f).tensors()) {
            tensors.put(t.name(), t);
        }
        assertRefused(new ModelFile(new TreeMap<>(lstm), tensors), "its 'lstm' network reads none");

        Map<String, String> fewer = new TreeMap<>(good.header());
        fewer.put(ModelFile.FEATURES, String.join(",", Features.NAMES.subList(0, 51)) + ",other");
        assertRefused(new ModelFile(new TreeMap<>(fewer), good.tensors()), "the file's features are roll_belt");
    }

    private static ModelFile with(ModelFile f, String key, String value) {
        Map<String, String> header = new TreeMap<>(f.header());
        header.put(key, value);
        return new ModelFile(new TreeMap<>(header), f.tensors());
    }

    private static void assertRefused(ModelFile f, String reason) {
        ModelFormatException e = assertThrows(ModelFormatException.class, () -> new Classifier(f));
        assertTrue(e.getMessage().contains(reason), e.getMessage());
    }
}
