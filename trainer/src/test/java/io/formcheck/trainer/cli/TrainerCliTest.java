package io.formcheck.trainer.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import io.formcheck.model.Classifier;
import io.formcheck.model.ModelFile;
import io.formcheck.trainer.SyntheticWle;
import io.formcheck.trainer.report.Json;
import io.formcheck.trainer.spec.Preset;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The commands end to end on a small generated file, and their answers to bad arguments. */
class TrainerCliTest {
    @TempDir
    Path dir;

    record Run(int exit, String out, String err) {}

    Run run(String... args) {
        CommandLine cli = TrainerCli.commandLine();
        StringWriter err = new StringWriter();
        cli.setErr(new PrintWriter(err));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream saved = System.out;
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        try {
            int exit = cli.execute(args);
            return new Run(exit, out.toString(StandardCharsets.UTF_8), err.toString());
        } finally {
            System.setOut(saved);
        }
    }

    @Test
    void trainWritesAModelAndItsReportThatEvaluateAndPredictUse() throws Exception {
        Path data = SyntheticWle.write(dir.resolve("wle.csv"), SyntheticWle.windows(12, 3, 9));
        Path out = dir.resolve("run");
        Run train = run(
                "train",
                "--data",
                data.toString(),
                "--window",
                "0.3s",
                "--out-dir",
                out.toString(),
                "--preset",
                "seed",
                "--epochs",
                "3",
                "--hidden",
                "8",
                "--head",
                "8",
                "--layers",
                "1");
        assertEquals(0, train.exit(), train.err());
        for (String file :
                new String[] {"model.fcmodel", "metrics.json", "training-curves.png", "confusion-matrix.png"}) {
            assertTrue(Files.size(out.resolve(file)) > 0, file);
        }
        JsonNode metrics = Json.mapper().readTree(out.resolve("metrics.json").toFile());
        assertEquals(3, metrics.get("history").size());
        assertEquals(5, metrics.get("test").get("confusion_matrix").size());
        Classifier model = Classifier.load(out.resolve("model.fcmodel"));
        assertEquals("42", metrics.get("config").get("seed").asText());
        assertEquals("3", model.file().header().get("training.config.epochs"));

        Path json = dir.resolve("eval.json");
        Run evaluate = run(
                "evaluate",
                "--model",
                out.resolve("model.fcmodel").toString(),
                "--data",
                data.toString(),
                "--json",
                json.toString());
        assertEquals(0, evaluate.exit(), evaluate.err());
        JsonNode e = Json.mapper().readTree(json.toFile());
        for (String key : new String[] {"accuracy", "macro_f1", "confusion_matrix", "windows"}) {
            assertTrue(e.has(key), key);
        }
        assertEquals(60, e.get("windows").asInt());

        Run predict = run("predict", "--model", out.resolve("model.fcmodel").toString(), "--data", data.toString());
        assertEquals(0, predict.exit(), predict.err());
        assertEquals(61, predict.out().split("\n").length, "a header and one line per window");
    }

    @Test
    void theDefaultTrainsTheReadingForestWithoutCurves() throws Exception {
        Path data = SyntheticWle.write(dir.resolve("wle.csv"), SyntheticWle.windows(12, 3, 9));
        Path out = dir.resolve("forest");
        Run train = run(
                "train", "--data", data.toString(), "--window", "0.3s", "--out-dir", out.toString(), "--trees", "20");
        assertEquals(0, train.exit(), train.err());
        assertTrue(Files.size(out.resolve("confusion-matrix.png")) > 0);
        assertFalse(Files.exists(out.resolve("training-curves.png")), "a forest has no epochs to draw");
        Classifier model = Classifier.load(out.resolve("model.fcmodel"));
        assertEquals("forest", model.file().get("architecture"));
        assertEquals("20", model.file().get("forest.trees"));
        JsonNode metrics = Json.mapper().readTree(out.resolve("metrics.json").toFile());
        assertEquals(
                metrics.get("test").get("accuracy").asDouble(),
                Double.parseDouble(model.file().get("training.test_accuracy")),
                1e-4);
        assertEquals(
                "the split's " + metrics.get("split").get("train").asInt() + " training windows",
                model.file().get("training.fitted_on"));

        Path all = dir.resolve("all");
        Run fitAll = run(
                "train",
                "--data",
                data.toString(),
                "--window",
                "0.3s",
                "--out-dir",
                all.toString(),
                "--trees",
                "20",
                "--fit-all");
        assertEquals(0, fitAll.exit(), fitAll.err());
        ModelFile everything = Classifier.load(all.resolve("model.fcmodel")).file();
        assertTrue(
                everything.get("training.fitted_on").matches("all \\d+ training windows.*"),
                everything.get("training.fitted_on"));
        assertTrue(
                everything.intValue("forest.nodes") > model.file().intValue("forest.nodes"),
                "more readings, more nodes");

        Run network = run("train", "--data", data.toString(), "--preset", "seed", "--fit-all");
        assertEquals(1, network.exit());
        assertTrue(network.err().contains("--fit-all is for the reading forest"), network.err());
    }

    @Test
    void tuneAndCompareWriteTheirReportsInQuickMode() throws Exception {
        Path data = SyntheticWle.write(dir.resolve("wle.csv"), SyntheticWle.windows(12, 3, 9));
        Path tune = dir.resolve("tune");
        Run t = run(
                "tune", "--quick", "--data", data.toString(), "--window", "num_window", "--out-dir", tune.toString());
        assertEquals(0, t.exit(), t.err());
        JsonNode results =
                Json.mapper().readTree(tune.resolve("experiment_results.json").toFile());
        assertEquals(4, results.size());
        for (String key : new String[] {
            "experiment_name",
            "config",
            "best_val_acc",
            "test_acc",
            "training_time",
            "final_train_loss",
            "final_val_loss",
            "history"
        }) {
            assertTrue(results.get(1).has(key), key);
        }
        assertEquals("sgd", results.get(1).get("config").get("optimizer").asText());
        assertEquals("cnn", results.get(2).get("config").get("architecture").asText());
        assertEquals(
                Preset.DEFAULT.spec().quick().describe(),
                Json.mapper().convertValue(results.get(3).get("config"), new TypeReference<Map<String, String>>() {}));
        assertTrue(Files.readString(tune.resolve("summary.md")).contains("Best configuration: **"));
        for (String png : new String[] {
            "test-accuracy.png",
            "validation-accuracy.png",
            "training-time.png",
            "validation-vs-test.png",
            "training-curves.png"
        }) {
            assertTrue(Files.size(tune.resolve(png)) > 0, png);
        }

        Path compare = dir.resolve("compare");
        Run c = run(
                "compare", "--quick", "--data", data.toString(), "--window", "0.3s", "--out-dir", compare.toString());
        assertEquals(0, c.exit(), c.err());
        JsonNode comparison = Json.mapper()
                .readTree(compare.resolve("comparison.json").toFile())
                .get("results");
        assertEquals(6, comparison.size());
        assertEquals(
                3,
                comparison
                        .get("random forest on summary features")
                        .get("splitAccuracy")
                        .size());
        assertEquals(
                3,
                comparison.get("reading forest (default)").get("splitAccuracy").size());
        assertTrue(Files.size(compare.resolve("comparison.png")) > 0);
        assertTrue(c.out().contains("| random forest on summary features |"), c.out());
    }

    @Test
    void theTuneSummaryNamesConfigurationsTiedWithTheBest() {
        List<Map<String, Object>> results = new ArrayList<>();
        for (String[] r : new String[][] {{"a", "0.80"}, {"b", "0.90"}, {"c", "0.90"}}) {
            results.add(Map.of(
                    "experiment_name",
                    r[0],
                    "options",
                    "",
                    "best_val_acc",
                    Double.parseDouble(r[1]),
                    "test_acc",
                    0.5,
                    "test_macro_f1",
                    0.5,
                    "training_time",
                    1.0));
        }
        String md = TuneCommand.summary(results, 42);
        assertTrue(md.contains("Best configuration: **b**"), md);
        assertTrue(md.contains("Tied on validation: **c** (test 0.500)."), md);
        assertFalse(TuneCommand.summary(results.subList(0, 2), 42).contains("Tied"));
    }

    @Test
    void helpListsTheChoicesAndAGroupOfOptionsPerModelKind() throws Exception {
        String help = TrainerCli.commandLine().getSubcommands().get("train").getUsageMessage();
        for (String expected : new String[] {
            "lstm, cnn, forest",
            "default, cnn, seed",
            "adam, sgd, rmsprop",
            "Reading forest (--arch forest):",
            "Networks (--arch lstm or cnn):",
            "LSTM (--arch lstm):",
            "CNN (--arch cnn):"
        }) {
            assertTrue(help.contains(expected), expected + " in\n" + help);
        }
    }

    @Test
    void badArgumentsAndFilesGetAClearErrorAndANonZeroExit() throws Exception {
        Run unknown = run("train", "--epochz", "3");
        assertEquals(2, unknown.exit());
        assertTrue(unknown.err().contains("'--epochz'"), unknown.err());

        Run method = run("compare", "--methods", "forest,nope");
        assertEquals(1, method.exit());
        assertTrue(method.err().contains("--methods takes seed-lstm, cnn"), method.err());

        Run missing = run("evaluate", "--model", dir.resolve("nope.fcmodel").toString(), "--data", "x.csv");
        assertEquals(1, missing.exit());
        assertTrue(missing.err().contains("does not exist"), missing.err());
        assertFalse(missing.err().contains("\tat "), "no stack trace");

        Path data = SyntheticWle.write(dir.resolve("wle.csv"), SyntheticWle.windows(4, 2, 9));
        Run optimizer = run("train", "--data", data.toString(), "--optimizer", "adagrad");
        assertEquals(2, optimizer.exit());
        assertTrue(
                optimizer.err().contains("expected one of [ADAM, SGD, RMSPROP] (case-insensitive)"), optimizer.err());
        assertTrue(optimizer.err().contains("'adagrad'"), optimizer.err());

        Run foreign = run("train", "--data", data.toString(), "--preset", "default", "--hidden", "64");
        assertEquals(1, foreign.exit());
        assertTrue(
                foreign.err().contains("LSTM options (--hidden, --pooling) do not apply to --arch forest"),
                foreign.err());
        Run trees = run("train", "--data", data.toString(), "--arch", "LSTM", "--trees", "5");
        assertEquals(1, trees.exit());
        assertTrue(trees.err().contains("--trees do not apply to --arch lstm"), trees.err());

        Path damaged = dir.resolve("damaged.fcmodel");
        Files.writeString(damaged, "not a model");
        Run bad = run("predict", "--model", damaged.toString(), "--data", data.toString());
        assertEquals(1, bad.exit());
        assertTrue(bad.err().contains("wrong magic"), bad.err());
    }
}
