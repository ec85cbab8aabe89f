package io.formcheck.trainer.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.formcheck.model.Activations;
import io.formcheck.model.Classifier;
import io.formcheck.model.ExerciseClass;
import io.formcheck.model.Features;
import io.formcheck.model.LstmSchema;
import io.formcheck.model.TensorSpec;
import io.formcheck.trainer.report.Json;
import io.formcheck.trainer.torch.LibtorchReference;
import io.formcheck.trainer.torch.TorchLstm;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** import-torch end to end: the libtorch reference served with its own logits, and state dicts that do not fit. */
class ImportTorchCommandTest {
    @TempDir
    Path dir;

    record Run(int exit, String out, String err) {}

    Run importTorch(ObjectNode stateDict, Path model) throws Exception {
        Path json = dir.resolve("state.json");
        Json.write(json, stateDict);
        return importTorch(json, model);
    }

    Run importTorch(Path json, Path model) {
        CommandLine cli = TrainerCli.commandLine();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        int exit = cli.execute("import-torch", "--state-dict", json.toString(), "--out", model.toString());
        return new Run(exit, out.toString(), err.toString());
    }

    @Test
    void theImportedReferenceGivesTheReferencesProbabilities() throws Exception {
        Path file = LibtorchReference.file();
        assumeTrue(file != null, LibtorchReference.SKIP_MESSAGE);
        LibtorchReference ref = LibtorchReference.load(file);
        Path model = dir.resolve("reference.fcmodel");
        Run run = importTorch(ref.stateDict(), model);
        assertEquals(0, run.exit(), run.err());
        assertTrue(
                run.out().contains("read a 2-layer LSTM (5 inputs, hidden size 4, read at the last step)"), run.out());

        Classifier raw = Classifier.load(model);
        assertEquals(LibtorchReference.FEATURES, raw.features());
        assertEquals(ExerciseClass.labels(), raw.labels());
        assertTrue(raw.file().get("training.input_statistics").startsWith("none given"));
        for (int b = 0; b < ref.lengths().length; b++) {
            assertArrayEquals(softmax(ref.logits(b)), raw.probabilities(ref.sequence(b)), 1e-6f, "sequence " + b);
        }

        // with statistics, the function standardizes raw readings before the network sees them
        float[] mean = {1f, -2f, 0.5f, 10f, 0f};
        float[] std = {2f, 0.5f, 1f, 4f, 3f};
        ObjectNode withStatistics = ref.stateDict();
        ArrayNode m = withStatistics.putArray("input_mean");
        ArrayNode s = withStatistics.putArray("input_std");
        for (int j = 0; j < mean.length; j++) {
            m.add(mean[j]);
            s.add(std[j]);
        }
        Path standardized = dir.resolve("standardized.fcmodel");
        assertEquals(0, importTorch(withStatistics, standardized).exit());
        Classifier classifier = Classifier.load(standardized);
        assertEquals(
                "the state dict's input_mean and input_std", classifier.file().get("training.input_statistics"));
        for (int b = 0; b < ref.lengths().length; b++) {
            float[][] readings = ref.sequence(b);
            for (float[] reading : readings) {
                for (int j = 0; j < reading.length; j++) {
                    reading[j] = reading[j] * std[j] + mean[j];
                }
            }
            assertArrayEquals(softmax(ref.logits(b)), classifier.probabilities(readings), 1e-5f, "sequence " + b);
        }
    }

    @Test
    void aSeedShapedStateDictGetsTheWleFeaturesAndLabels() throws Exception {
        Path model = dir.resolve("seed.fcmodel");
        Run run = importTorch(stateDict(new LstmSchema(Features.COUNT, 3, 2, LstmSchema.Pooling.LAST, 4, 5)), model);
        assertEquals(0, run.exit(), run.err());
        Classifier c = Classifier.load(model);
        assertEquals(Features.NAMES, c.features());
        assertEquals(ExerciseClass.labels(), c.labels());
        assertEquals("lstm", c.file().get("architecture"));
        assertEquals("formcheck-torch-lstm", c.file().get("name"));
    }

    @Test
    void aStateDictThatDoesNotFitIsRefusedNamingTheProblem() throws Exception {
        LstmSchema schema = new LstmSchema(Features.COUNT, 3, 1, LstmSchema.Pooling.LAST, 4, 5);

        ObjectNode missing = stateDict(schema);
        ((ObjectNode) missing.get("parameters")).remove("lstm.bias_hh_l0");
        assertRefused(missing, "lacks the parameter 'lstm.bias_hh_l0'");

        ObjectNode extra = stateDict(schema);
        ((ObjectNode) extra.get("parameters"))
                .set("lstm.weight_ih_l0_reverse", extra.get("parameters").get("lstm.weight_ih_l0"));
        assertRefused(extra, "unexpected parameter 'lstm.weight_ih_l0_reverse'");

        ObjectNode shape = stateDict(schema);
        ((ObjectNode) shape.get("parameters").get("fc1.weight"))
                .putArray("shape")
                .add(4)
                .add(2);
        assertRefused(shape, "the \"value\" of parameter 'fc1.weight' must be a list of 8 numbers");

        ObjectNode declared = stateDict(schema);
        declared.put("hidden_size", 128);
        assertRefused(declared, "\"hidden_size\" is 128 but the parameters' shapes give 3");

        ObjectNode halfStatistics = stateDict(schema);
        halfStatistics.putArray("input_mean");
        assertRefused(halfStatistics, "give both \"input_mean\" and \"input_std\", or neither");
        halfStatistics.putArray("input_std").add(1);
        assertRefused(halfStatistics, "input_mean must be a list of 52 numbers");

        ObjectNode unnamed = stateDict(new LstmSchema(7, 3, 1, LstmSchema.Pooling.LAST, 4, 5));
        assertRefused(unnamed, "give \"features\": 7 names in order (the default, the 52 WLE features, is for 52)");

        Path broken = dir.resolve("broken.json");
        Files.writeString(broken, "{\"parameters\": {");
        Run run = importTorch(broken, dir.resolve("never.fcmodel"));
        assertEquals(1, run.exit());
        assertTrue(run.err().contains("is not valid JSON"), run.err());
        assertFalse(Files.exists(dir.resolve("never.fcmodel")));
    }

    private void assertRefused(ObjectNode stateDict, String reason) throws Exception {
        Path model = dir.resolve("refused.fcmodel");
        Run run = importTorch(stateDict, model);
        assertEquals(1, run.exit(), run.out());
        assertTrue(run.err().contains(reason), run.err());
        assertFalse(run.err().contains("\tat "), "no stack trace");
        assertFalse(Files.exists(model), "nothing written");
    }

    /** A state dict of that shape under PyTorch's names, with random values. */
    private static ObjectNode stateDict(LstmSchema schema) {
        Random rng = new Random(7);
        ObjectNode root = Json.mapper().createObjectNode();
        ObjectNode parameters = root.putObject("parameters");
        for (TorchLstm.Mapping m : TorchLstm.mappings(schema)) {
            TensorSpec spec = m.ours();
            for (String name : m.torch()) {
                ObjectNode p = parameters.putObject(name);
                ArrayNode shape = p.putArray("shape");
                for (int d : spec.shape()) {
                    shape.add(d);
                }
                ArrayNode value = p.putArray("value");
                for (int i = 0; i < spec.size(); i++) {
                    value.add(rng.nextGaussian() * 0.3);
                }
            }
        }
        return root;
    }

    private static float[] softmax(float[] logits) {
        float[] p = new float[logits.length];
        Activations.softmax(logits, 0, logits.length, p);
        return p;
    }
}
