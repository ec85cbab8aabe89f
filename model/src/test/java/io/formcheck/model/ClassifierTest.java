package io.formcheck.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class ClassifierTest {
    static final int IN = 3;
    static final int H = 4;
    static final int D = 5;
    static final int C = 2;

    /** A 1-layer LSTM model with random weights, features f0..f2 and labels X, Y. */
    static ModelFile tinyModel(long seed) {
        LstmSchema schema = new LstmSchema(IN, H, 1, LstmSchema.Pooling.LAST, D, C);
        Random rng = new Random(seed);
        Map<String, String> header = new TreeMap<>(schema.header());
        header.put(ModelFile.FEATURES, "f0,f1,f2");
        header.put(ModelFile.LABELS, "X,Y");
        Map<String, Tensor> t = new LinkedHashMap<>();
        put(t, ModelFile.INPUT_MEAN, rng, IN);
        t.put(ModelFile.INPUT_STD, Tensor.of(ModelFile.INPUT_STD, new float[] {1f, 2f, 0.5f}, IN));
        for (TensorSpec spec : schema.tensors()) {
            put(t, spec.name(), rng, spec.shape());
        }
        return new ModelFile(new TreeMap<>(header), t);
    }

    private static void put(Map<String, Tensor> t, String name, Random rng, int... shape) {
        int n = 1;
        for (int d : shape) {
            n *= d;
        }
        float[] v = new float[n];
        for (int i = 0; i < n; i++) {
            v[i] = (float) rng.nextGaussian();
        }
        t.put(name, new Tensor(name, shape, v));
    }

    @Test
    void probabilitiesSumToOneAndDependOnTheInput() throws ModelFormatException {
        Classifier c = new Classifier(tinyModel(1));
        float[] p1 = c.probabilities(new float[][] {{0, 1, 2}, {3, 4, 5}});
        float[] p2 = c.probabilities(new float[][] {{5, -1, 2}});
        assertEquals(1.0, p1[0] + p1[1], 1e-6);
        assertTrue(Math.abs(p1[0] - p2[0]) > 1e-6);
    }

    @Test
    void withPerRepetitionCenteringAConstantOffsetChangesNothing() throws ModelFormatException {
        ModelFile plain = tinyModel(3);
        Map<String, String> header = new TreeMap<>(plain.header());
        header.put(ModelFile.INPUT_CENTERING, "per_repetition");
        Classifier centered = new Classifier(new ModelFile(new TreeMap<>(header), plain.tensors()));
        Classifier uncentered = new Classifier(plain);
        float[][] x = {{0, 1, 2}, {3, 4, 5}, {-1, 0, 2}};
        float[][] shifted = new float[3][];
        for (int t = 0; t < 3; t++) {
            shifted[t] = new float[] {x[t][0] + 10, x[t][1] - 7, x[t][2] + 0.5f};
        }
        float[] a = centered.probabilities(x);
        float[] b = centered.probabilities(shifted);
        for (int k = 0; k < C; k++) {
            assertEquals(a[k], b[k], 1e-5);
        }
        assertTrue(Math.abs(uncentered.probabilities(x)[0] - uncentered.probabilities(shifted)[0]) > 1e-4);
    }

    @Test
    void badRepetitionsAreRefusedWithTheReason() throws ModelFormatException {
        Classifier c = new Classifier(tinyModel(1));
        assertReason(c, new float[0][], "no samples");
        assertReason(c, new float[Classifier.MAX_SAMPLES + 1][IN], "at most " + Classifier.MAX_SAMPLES);
        assertReason(c, new float[][] {{1, 2}}, "has 2 values");
        assertReason(c, new float[][] {{1, Float.NaN, 2}}, "f1 is not a finite float32 number");
    }

    @Test
    void aShapeThatDisagreesWithTheHeaderIsRefused() {
        ModelFile good = tinyModel(1);
        Map<String, String> header = new TreeMap<>(good.header());
        header.putAll(new LstmSchema(IN, 6, 1, LstmSchema.Pooling.LAST, D, C).header());
        ModelFormatException e = assertThrows(
                ModelFormatException.class, () -> new Classifier(new ModelFile(new TreeMap<>(header), good.tensors())));
        assertTrue(e.getMessage().contains("expected [24, 3]"), e.getMessage());
    }

    private static void assertReason(Classifier c, float[][] samples, String reason) {
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> c.probabilities(samples));
        assertTrue(e.getMessage().contains(reason), e.getMessage());
    }
}
