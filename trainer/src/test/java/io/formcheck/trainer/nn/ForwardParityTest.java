package io.formcheck.trainer.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.formcheck.model.Activations;
import io.formcheck.model.Classifier;
import io.formcheck.model.Features;
import io.formcheck.model.ModelFile;
import io.formcheck.model.SequenceNetwork;
import io.formcheck.model.Standardization;
import io.formcheck.model.StatisticsInput;
import io.formcheck.model.WindowFeatures;
import io.formcheck.trainer.spec.WindowForestSpec;
import io.formcheck.trainer.train.ExportedModel;
import io.formcheck.trainer.train.ModelExport;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The trainer's batched forward, the model module's one-sequence forward, and padding independence. */
class ForwardParityTest {
    static final int F = Features.COUNT;

    @Test
    void trainerAndModelModuleComputeTheSameLogits() throws Exception {
        assertSameLogits(new LstmClassifierNet(new LstmClassifierNet.Shape(F, 128, 2, 64, 5, 0.5f)));
        assertSameLogits(new LstmClassifierNet(new LstmClassifierNet.Shape(F, 32, 1, 16, 5, 0.5f, true)));
        assertSameLogits(new CnnClassifierNet(new CnnClassifierNet.Shape(F, 32, 5, 2, 16, 5, 0.5f)));
    }

    private static void assertSameLogits(ClassifierNet net) throws Exception {
        net.init(new Random(1));
        Standardization identity = new Standardization(new float[F], filled(F, 1f));
        ModelFile file = ModelExport.toModelFile(ExportedModel.of(net), identity, 40, Map.of());
        SequenceNetwork inference = SequenceNetwork.load(ModelFile.parse(file.toBytes()));

        List<float[]> seqs = sequences(new int[] {23, 1, 38, 7, 23, 12}, 2);
        PackedBatch batch = PackedBatch.of(seqs, null, F);
        ClassifierNet.Workspace ws = net.workspace(batch.size, batch.rows);
        net.forward(batch, ws, Mode.EVAL);
        for (int b = 0; b < batch.size; b++) {
            float[] seq = seqs.get(batch.order[b]);
            float[] expected = Arrays.copyOfRange(ws.head().logits, b * 5, b * 5 + 5);
            float[][] rows = new float[seq.length / F][];
            for (int t = 0; t < rows.length; t++) {
                rows[t] = Arrays.copyOfRange(seq, t * F, (t + 1) * F);
            }
            float[] actual = inference.logits(rows);
            double norm = 0;
            double diff = 0;
            for (int k = 0; k < 5; k++) {
                norm = Math.max(norm, Math.abs(expected[k]));
                diff = Math.max(diff, Math.abs(expected[k] - actual[k]));
            }
            assertEquals(0, diff / norm, 1e-5, net.architecture() + " sequence " + batch.order[b] + " relative error");
        }
    }

    /**
     * A CNN whose head reads the window statistics: the trainer's batch (standardized readings and the
     * statistics of the raw window) against the classifier the function loads from the model file, which
     * computes both from the raw readings.
     */
    @Test
    void aCnnReadingWindowStatisticsGivesTheClassifierSProbabilities() throws Exception {
        WindowFeatures features = WindowFeatures.parse(WindowForestSpec.DEFAULT_FEATURES);
        Random rng = new Random(4);
        float[] mean = new float[features.size()];
        float[] std = new float[features.size()];
        for (int j = 0; j < mean.length; j++) {
            mean[j] = (float) rng.nextGaussian() * 20;
            std[j] = 1 + rng.nextFloat() * 50;
        }
        StatisticsInput statistics = new StatisticsInput(features, 1.5f, mean, std);
        CnnClassifierNet net =
                new CnnClassifierNet(new CnnClassifierNet.Shape(F, 16, 5, 2, features.size(), 8, 5, 0.3f));
        net.init(new Random(5));
        Standardization standardization = new Standardization(filled(F, 10f), filled(F, 100f));
        Classifier classifier = new Classifier(ModelFile.parse(ModelExport.toModelFile(
                        ExportedModel.of(List.of(net), Optional.of(statistics)), standardization, 40, Map.of())
                .toBytes()));

        List<float[][]> raw = new ArrayList<>();
        for (int length : new int[] {114, 3, 60}) {
            float[][] window = new float[length][F];
            for (float[] reading : window) {
                for (int j = 0; j < F; j++) {
                    reading[j] = (float) rng.nextGaussian() * 200;
                }
            }
            raw.add(window);
        }
        List<float[]> sequences = new ArrayList<>();
        List<float[]> side = new ArrayList<>();
        for (float[][] window : raw) {
            float[][] x = standardization.apply(window);
            float[] flat = new float[x.length * F];
            for (int t = 0; t < x.length; t++) {
                System.arraycopy(x[t], 0, flat, t * F, F);
            }
            sequences.add(flat);
            side.add(statistics.apply(window));
        }
        PackedBatch batch = PackedBatch.of(sequences, side, null, F);
        ClassifierNet.Workspace ws = net.workspace(batch.size, batch.rows);
        net.forward(batch, ws, Mode.EVAL);
        float[] probs = new float[batch.size * 5];
        for (int b = 0; b < batch.size; b++) {
            Activations.softmax(ws.head().logits, b * 5, 5, probs);
            assertArrayEquals(
                    Arrays.copyOfRange(probs, b * 5, b * 5 + 5),
                    classifier.probabilities(raw.get(batch.order[b])),
                    1e-5f,
                    "window " + batch.order[b]);
        }
    }

    @Test
    void aSequenceGetsTheSameLogitsAloneAsInABatchOfLongerOnes() {
        assertPaddingIndependent(new LstmClassifierNet(new LstmClassifierNet.Shape(F, 16, 2, 8, 5, 0f)));
        assertPaddingIndependent(new LstmClassifierNet(new LstmClassifierNet.Shape(F, 16, 2, 8, 5, 0f, true)));
        assertPaddingIndependent(new CnnClassifierNet(new CnnClassifierNet.Shape(F, 16, 7, 2, 8, 5, 0f)));
    }

    private static void assertPaddingIndependent(ClassifierNet net) {
        net.init(new Random(2));
        List<float[]> seqs = sequences(new int[] {3, 30, 17}, 3);
        PackedBatch mixed = PackedBatch.of(seqs, null, F);
        ClassifierNet.Workspace ws = net.workspace(mixed.size, mixed.rows);
        net.forward(mixed, ws, Mode.EVAL);
        int packedIndexOfShort = Arrays.stream(mixed.order).boxed().toList().indexOf(0);
        float[] inBatch = Arrays.copyOfRange(ws.head().logits, packedIndexOfShort * 5, packedIndexOfShort * 5 + 5);
        PackedBatch alone = PackedBatch.of(List.of(seqs.get(0)), null, F);
        net.forward(alone, ws, Mode.EVAL);
        for (int k = 0; k < 5; k++) {
            assertEquals(ws.head().logits[k], inBatch[k], 1e-5);
        }
    }

    static List<float[]> sequences(int[] lengths, long seed) {
        return RandomSequences.of(lengths, F, seed);
    }

    static float[] filled(int n, float v) {
        float[] a = new float[n];
        Arrays.fill(a, v);
        return a;
    }
}
