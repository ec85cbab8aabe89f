package io.formcheck.trainer.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.formcheck.model.ForestForward;
import io.formcheck.model.ModelFile;
import io.formcheck.model.ModelFormatException;
import io.formcheck.model.Tensor;
import io.formcheck.trainer.SyntheticWle;
import io.formcheck.trainer.data.RepetitionWindow;
import io.formcheck.trainer.data.Splits;
import io.formcheck.trainer.spec.ModelSpec;
import io.formcheck.trainer.spec.ReadingForestSpec;
import io.formcheck.trainer.spec.WindowForestSpec;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import smile.classification.RandomForest;
import smile.data.DataFrame;
import smile.data.formula.Formula;
import smile.data.vector.IntVector;

class ForestsTest {
    private static final String[] NAMES = {"x0", "x1", "x2", "x3"};

    /** Readings on a coarse float grid, so that test values sit exactly on the training values splits fall between. */
    private static double[][] gridReadings(Random rng, int n) {
        double[][] x = new double[n][NAMES.length];
        for (double[] row : x) {
            for (int j = 0; j < row.length; j++) {
                row[j] = (float) (0.1f * (rng.nextInt(41) - 20));
            }
        }
        return x;
    }

    @Test
    void theExportedForestGivesSmilesProbabilities() throws Exception {
        Random rng = new Random(5);
        double[][] x = gridReadings(rng, 400);
        int[] y = new int[x.length];
        for (int i = 0; i < y.length; i++) {
            y[i] = x[i][0] + 0.5 * x[i][1] > 0.3 ? 2 : x[i][2] > 0 ? 1 : 0;
            if (rng.nextInt(10) == 0) {
                y[i] = rng.nextInt(3);
            }
        }
        Properties params = new Properties();
        params.setProperty("smile.random_forest.trees", "20");
        RandomForest smile =
                RandomForest.fit(Formula.lhs("y"), DataFrame.of(x, NAMES).merge(IntVector.of("y", y)), params);
        ForestForward ours = forward(SmileForests.export(smile, NAMES.length, 3));

        double[][] probe = gridReadings(rng, 300);
        DataFrame probes = DataFrame.of(probe, NAMES);
        for (int i = 0; i < probe.length; i++) {
            double[] expected = new double[3];
            smile.predict(probes.get(i), expected);
            float[] reading = new float[NAMES.length];
            for (int j = 0; j < reading.length; j++) {
                reading[j] = (float) probe[i][j];
            }
            float[] logits = ours.logits(new float[][] {reading});
            for (int c = 0; c < 3; c++) {
                assertEquals(expected[c], Math.exp(logits[c]), 1e-5, "reading " + i + " class " + c);
            }
        }
    }

    @Test
    void aThresholdRoundedToFloatKeepsEveryFloatOnItsSide() {
        Random rng = new Random(9);
        for (int i = 0; i < 10_000; i++) {
            float a = (float) rng.nextGaussian();
            float b = Math.nextUp(a);
            double midpoint = ((double) a + b) / 2;
            float t = SmileForests.floatThreshold(midpoint);
            assertTrue(a <= t && !(b <= t), a + " | " + b + " -> " + t);
        }
    }

    @Test
    void aClassMissingFromTrainingGetsNoProbabilityAndTheOthersKeepTheirColumns() {
        List<RepetitionWindow> windows = SyntheticWle.windows(6, 2, 4).stream()
                .filter(w -> w.label() != 1)
                .toList();
        ExportedModel model = ReadingForest.fit(
                windows.stream().map(RepetitionWindow::samples).toList(),
                windows.stream().mapToInt(RepetitionWindow::label).toArray(),
                5,
                10,
                3,
                done -> {});
        float[] leaves = model.tensors().stream()
                .filter(t -> t.name().equals("forest.leaf"))
                .findFirst()
                .map(Tensor::data)
                .orElseThrow();
        double[] columnSums = new double[5];
        for (int i = 0; i < leaves.length; i++) {
            columnSums[i % 5] += leaves[i];
        }
        assertEquals(0.0, columnSums[1]);
        for (int c : new int[] {0, 2, 3, 4}) {
            assertTrue(columnSums[c] > 0, "class " + c);
        }
    }

    static List<ModelSpec> forests() {
        return List.of(
                ReadingForestSpec.DEFAULTS.withSeed(5),
                new WindowForestSpec(WindowForestSpec.DEFAULT_FEATURES, 30, 5),
                new WindowForestSpec(WindowForestSpec.SUMMARY_FEATURES, 30, 5));
    }

    @ParameterizedTest
    @MethodSource("forests")
    void eachForestLearnsSeparableRepetitionsAndTheSameSeedGivesTheSameForest(ModelSpec forest) {
        List<RepetitionWindow> windows = SyntheticWle.windows(30, 3, 3);
        Splits.Split split = SyntheticWle.split(windows, 1);
        List<String> progress = new ArrayList<>();
        Experiment.Outcome first = Experiment.run(forest, split, progress::add);
        Experiment.Outcome again = Experiment.run(forest, split, line -> {});
        assertTrue(
                first.test().accuracy() >= 0.95, "test accuracy " + first.test().accuracy());
        assertEquals(Integer.parseInt(forest.describe().get("trees")) / 10, progress.size(), progress.toString());
        assertEquals(first.model().architecture(), again.model().architecture());
        for (int i = 0; i < first.model().tensors().size(); i++) {
            assertArrayEquals(
                    first.model().tensors().get(i).data(),
                    again.model().tensors().get(i).data());
        }
    }

    private static ForestForward forward(SmileForests.Trees trees) throws ModelFormatException {
        Map<String, Tensor> tensors = new LinkedHashMap<>();
        trees.tensors().forEach(t -> tensors.put(t.name(), t));
        return ForestForward.load(new ModelFile(new TreeMap<>(trees.schema().header()), tensors));
    }
}
