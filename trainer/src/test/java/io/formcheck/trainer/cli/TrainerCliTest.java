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
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The commands end to end on a small generated file, and their answers to bad arguments. */
class TrainerCliTest {
    @TempDir
    Path dir;

    @Test
    void trainWritesAModelAndItsReportThatEvaluateAndPredictUse() throws Exception {
        Path data = SyntheticWle.write(dir.resolve("wle.csv"), SyntheticWle.windows(12, 3, 9));
        Path out = dir.resolve("run");
        CliRun train =
                train(data, out, "--preset", "seed", "--epochs", "3", "--hidden", "8", "--head", "8", "--layers", "1");
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
        CliRun evaluate = CliRun.of(
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

        CliRun predict =
                CliRun.of("predict", "--model", out.resolve("model.fcmodel").toString(), "--data", data.toString());
        assertEquals(0, predict.exit(), predict.err());
        assertEquals(61, predict.out().split("\n").length, "a header and one line per window");
    }

    @Test
    void theDefaultTrainsTheWindowForestOnEveryWindowAfterMeasuringIt() throws Exception {
        Path data = SyntheticWle.write(dir.resolve("wle.csv"), SyntheticWle.windows(12, 3, 9));
        Path out = dir.resolve("forest");
        CliRun train = CliRun.of(
                "train", "--data", data.toString(), "--window", "0.3s", "--out-dir", out.toString(), "--trees", "20");
        assertEquals(0, train.exit(), train.err());
        assertTrue(Files.size(out.resolve("confusion-matrix.png")) > 0);
        assertFalse(Files.exists(out.resolve("training-curves.png")), "a forest has no epochs to draw");
        ModelFile file = Classifier.load(out.resolve("model.fcmodel")).file();
        assertEquals("window_forest", file.get("architecture"));
        assertEquals("20", file.get("forest.trees"));
        assertEquals("0.3s", file.get("training.window"));
        JsonNode metrics = Json.mapper().readTree(out.resolve("metrics.json").toFile());
        assertEquals(
                metrics.get("test").get("accuracy").asDouble(),
                Double.parseDouble(file.get("training.test_accuracy")),
                1e-4);
        JsonNode loso = metrics.get("leave_one_subject_out");
        assertEquals(3, loso.get("accuracy").size(), "one fold per person");
        assertEquals(loso.get("mean").asDouble(), Double.parseDouble(file.get("training.loso_mean_accuracy")), 1e-4);
        assertEquals(loso.get("worst").asDouble(), Double.parseDouble(file.get("training.loso_worst_accuracy")), 1e-4);
        assertEquals(
                loso.get("accuracy").get("user1").asDouble(),
                Double.parseDouble(file.get("training.loso_accuracy.user1")),
                1e-4);
        assertTrue(
                file.get("training.fitted_on").matches("all \\d+ training windows.*"), file.get("training.fitted_on"));
        assertTrue(train.out().contains("new people (leave-one-subject-out): mean"), train.out());

        Path reading = dir.resolve("reading");
        CliRun readingForest = CliRun.of(
                "train",
                "--data",
                data.toString(),
                "--window",
                "0.3s",
                "--out-dir",
                reading.toString(),
                "--arch",
                "reading-forest",
                "--trees",
                "20",
                "--loso",
                "false");
        assertEquals(0, readingForest.exit(), readingForest.err());
        ModelFile readings = Classifier.load(reading.resolve("model.fcmodel")).file();
        assertEquals("forest", readings.get("architecture"));
        assertFalse(readings.header().containsKey("training.loso_mean_accuracy"));
    }

    /**
     * --members writes one file of that many networks, with each member's best epoch, that evaluate serves;
     * the stats-cnn preset trains on windows that do not overlap unless given a stride.
     */
    @Test
    void aNetworkOfTwoMembersIsOneModelFile() throws Exception {
        Path data = SyntheticWle.write(dir.resolve("wle.csv"), SyntheticWle.windows(12, 3, 9));
        Path out = dir.resolve("members");
        CliRun train = statsCnn(data, out, "--members", "2", "--epochs", "2");
        assertEquals(0, train.exit(), train.err());
        ModelFile model = ModelFile.read(out.resolve("model.fcmodel"));
        assertEquals("2", model.get(ModelFile.MEMBERS));
        assertEquals(2, model.listValue("training.best_epoch").size());
        JsonNode metrics = Json.mapper().readTree(out.resolve("metrics.json").toFile());
        assertEquals(2, metrics.get("members").size());
        assertEquals("0.3s", metrics.get("window").asText(), "stats-cnn trains on windows that do not overlap");
        CliRun evaluate = CliRun.of(
                "evaluate",
                "--model",
                out.resolve("model.fcmodel").toString(),
                "--data",
                data.toString(),
                "--window",
                "0.3s");
        assertEquals(0, evaluate.exit(), evaluate.err());

        Path strided = dir.resolve("strided");
        CliRun withStride = statsCnn(data, strided, "--stride", "0.1s", "--members", "1", "--epochs", "1");
        assertEquals(0, withStride.exit(), withStride.err());
        assertEquals(
                "0.3s every 0.1s",
                Json.mapper()
                        .readTree(strided.resolve("metrics.json").toFile())
                        .get("window")
                        .asText());

        CliRun none = statsCnn(data, dir.resolve("none"), "--members", "0");
        assertEquals(1, none.exit());
        assertTrue(none.err().contains("members must be positive"), none.err());
        CliRun forest = CliRun.of("train", "--data", data.toString(), "--members", "2");
        assertEquals(1, forest.exit());
        assertTrue(forest.err().contains("network options"), forest.err());
    }

    /** train on 0.3 s windows of data into out, with the options. */
    private static CliRun train(Path data, Path out, String... options) {
        List<String> args = new ArrayList<>(
                List.of("train", "--data", data.toString(), "--window", "0.3s", "--out-dir", out.toString()));
        args.addAll(List.of(options));
        return CliRun.of(args.toArray(String[]::new));
    }

    /** train --preset stats-cnn, without leave-one-subject-out. */
    private static CliRun statsCnn(Path data, Path out, String... options) {
        List<String> args = new ArrayList<>(List.of("--loso", "false", "--preset", "stats-cnn"));
        args.addAll(List.of(options));
        return train(data, out, args.toArray(String[]::new));
    }

    @Test
    void tuneAndCompareWriteTheirReportsInQuickMode() throws Exception {
        Path data = SyntheticWle.write(dir.resolve("wle.csv"), SyntheticWle.windows(12, 3, 9));
        Path tune = dir.resolve("tune");
        CliRun t = CliRun.of(
                "tune", "--quick", "--data", data.toString(), "--window", "num_window", "--out-dir", tune.toString());
        assertEquals(0, t.exit(), t.err());
        JsonNode results =
                Json.mapper().readTree(tune.resolve("experiment_results.json").toFile());
        assertEquals(4, results.size());
        for (JsonNode r : results) {
            for (String key : new String[] {
                "experiment_name", "options", "config", "window", "loso_mean", "loso_worst", "loso_accuracy", "seconds"
            }) {
                assertTrue(r.has(key), key);
            }
            assertEquals(3, r.get("loso_accuracy").size(), "every person");
        }
        for (int i = 1; i < results.size(); i++) {
            assertTrue(results.get(i - 1).get("loso_mean").asDouble()
                    >= results.get(i).get("loso_mean").asDouble());
        }
        Map<String, JsonNode> byName = new HashMap<>();
        results.forEach(r -> byName.put(r.get("experiment_name").asText(), r));
        assertEquals(
                "sgd",
                byName.get("optimizer SGD 1e-2, momentum 0.9")
                        .get("config")
                        .get("optimizer")
                        .asText());
        assertEquals(
                "cnn",
                byName.get("CNN 32 filters, kernel 5")
                        .get("config")
                        .get("architecture")
                        .asText());
        assertTrue(byName.get("CNN 32 filters, kernel 5").has("first_fold_history"));
        assertEquals(
                Preset.DEFAULT.spec().quick().describe(),
                Json.mapper()
                        .convertValue(
                                byName.get("default: window forest").get("config"),
                                new TypeReference<Map<String, String>>() {}));
        assertTrue(Files.readString(tune.resolve("summary.md")).contains("Best for new people: **"));
        for (String png : new String[] {"loso-accuracy.png", "training-time.png", "training-curves.png"}) {
            assertTrue(Files.size(tune.resolve(png)) > 0, png);
        }

        Path compare = dir.resolve("compare");
        CliRun c = CliRun.of(
                "compare",
                "--quick",
                "--methods",
                "all",
                "--data",
                data.toString(),
                "--window",
                "0.3s",
                "--out-dir",
                compare.toString());
        assertEquals(0, c.exit(), c.err());
        JsonNode comparison = Json.mapper()
                .readTree(compare.resolve("comparison.json").toFile())
                .get("results");
        assertEquals(8, comparison.size());
        assertEquals(
                3, comparison.get(CompareCommand.STATS_CNN).get("splitAccuracy").size());
        assertEquals(
                3,
                comparison.get("window forest (default)").get("splitAccuracy").size());
        assertEquals(
                3,
                comparison.get("LSTM (seed configuration)").get("splitAccuracy").size());
        assertTrue(Files.size(compare.resolve("comparison.png")) > 0);
        assertTrue(c.out().contains("| reading forest |"), c.out());

        CliRun byDefault = CliRun.of(
                "compare", "--quick", "--data", data.toString(), "--window", "0.3s", "--out-dir", compare.toString());
        assertEquals(0, byDefault.exit(), byDefault.err());
        Set<String> methods = new TreeSet<>();
        Json.mapper()
                .readTree(compare.resolve("comparison.json").toFile())
                .get("results")
                .fieldNames()
                .forEachRemaining(methods::add);
        assertEquals(
                new TreeSet<>(List.of(
                        "window forest (default)",
                        "window forest on summary features (mean, sd, min, max of every reading)",
                        "reading forest, centered repetitions",
                        "LSTM (seed configuration)")),
                methods);
    }

    @Test
    void cvScoresEachPersonAndTheirShorterRequests() throws Exception {
        Path data = SyntheticWle.write(dir.resolve("wle.csv"), SyntheticWle.windows(12, 3, 9));
        Path out = dir.resolve("cv");
        CliRun cv = CliRun.of(
                "cv",
                "--data",
                data.toString(),
                "--window",
                "0.3s",
                "--trees",
                "10",
                "--requests",
                "0.2s,num_window",
                "--out-dir",
                out.toString());
        assertEquals(0, cv.exit(), cv.err());
        JsonNode report = Json.mapper().readTree(out.resolve("cv.json").toFile());
        assertEquals(3, report.get("subjects").size());
        double worst = 1;
        double sum = 0;
        for (JsonNode person : report.get("subjects")) {
            worst = Math.min(worst, person.get("accuracy").asDouble());
            sum += person.get("accuracy").asDouble();
        }
        assertEquals(worst, report.get("worst_accuracy").asDouble(), 1e-12);
        assertEquals(sum / 3, report.get("mean_accuracy").asDouble(), 1e-12);
        JsonNode requests = report.get("other_requests");
        assertEquals(List.of("0.2s", "num_window"), List.copyOf(iterable(requests.fieldNames())));
        assertEquals(3, requests.get("num_window").get("accuracy").size());
        assertTrue(cv.out().contains("requests of 0.2s: mean"), cv.out());
        assertTrue(Files.size(out.resolve("cv-accuracy.png")) > 0);
    }

    private static <T> List<T> iterable(Iterator<T> it) {
        List<T> out = new ArrayList<>();
        it.forEachRemaining(out::add);
        return out;
    }

    @Test
    void theTuneSummaryRanksByTheMeanForNewPeopleAndNamesTies() {
        List<Map<String, Object>> results = new ArrayList<>();
        for (String[] r : new String[][] {{"b", "0.90", "0.70"}, {"c", "0.897", "0.80"}, {"a", "0.80", "0.60"}}) {
            results.add(Map.of(
                    "experiment_name",
                    r[0],
                    "options",
                    "",
                    "window",
                    "2.5s",
                    "loso_mean",
                    Double.parseDouble(r[1]),
                    "loso_worst",
                    Double.parseDouble(r[2]),
                    "loso_accuracy",
                    Map.of("p", Double.parseDouble(r[1])),
                    "seconds",
                    1.0));
        }
        String md = TuneCommand.summary(results);
        assertTrue(md.contains("Best for new people: **b** (``): mean 0.900, worst person 0.700."), md);
        assertTrue(md.contains("Within noise of it (one window's move of the mean): **c**."), md);
        assertTrue(md.indexOf("| b |") < md.indexOf("| a |"), md);
        assertFalse(TuneCommand.summary(List.of(results.get(0), results.get(2))).contains("Within noise"));
    }

    @Test
    void tuneListsEachExperimentsOptionsAsAShellRerunsThem() {
        assertEquals("--preset seed --lr 1e-4", TuneCommand.commandLine(TuneCommand.arguments("--lr 1e-4")));
        assertEquals(
                "--preset default --features 'eul=mm;tot=mm'",
                TuneCommand.commandLine(TuneCommand.arguments("--preset default --features eul=mm;tot=mm")));
    }

    @Test
    void helpListsTheChoicesAndAGroupOfOptionsPerModelKind() throws Exception {
        String help = TrainerCli.commandLine().getSubcommands().get("train").getUsageMessage();
        for (String expected : new String[] {
            "lstm, cnn, reading-forest, window-forest",
            "default, cnn, stats-cnn, seed",
            "adam, sgd, rmsprop",
            "Forests (--arch reading-forest or window-forest):",
            "Window forest (--arch window-forest):",
            "Networks (--arch lstm or cnn):",
            "LSTM (--arch lstm):",
            "CNN (--arch cnn):"
        }) {
            assertTrue(help.contains(expected), expected + " in\n" + help);
        }
    }

    @Test
    void badArgumentsAndFilesGetAClearErrorAndANonZeroExit() throws Exception {
        CliRun unknown = CliRun.of("train", "--epochz", "3");
        assertEquals(2, unknown.exit());
        assertTrue(unknown.err().contains("'--epochz'"), unknown.err());

        CliRun method = CliRun.of("compare", "--methods", "window-forest,nope");
        assertEquals(1, method.exit());
        assertTrue(method.err().contains("--methods takes all or window-forest, summary-forest"), method.err());

        CliRun missing =
                CliRun.of("evaluate", "--model", dir.resolve("nope.fcmodel").toString(), "--data", "x.csv");
        assertEquals(1, missing.exit());
        assertTrue(missing.err().contains("does not exist"), missing.err());
        assertFalse(missing.err().contains("\tat "), "no stack trace");

        Path data = SyntheticWle.write(dir.resolve("wle.csv"), SyntheticWle.windows(4, 2, 9));
        CliRun optimizer = CliRun.of("train", "--data", data.toString(), "--optimizer", "adagrad");
        assertEquals(2, optimizer.exit());
        assertTrue(
                optimizer.err().contains("expected one of [ADAM, SGD, RMSPROP] (case-insensitive)"), optimizer.err());
        assertTrue(optimizer.err().contains("'adagrad'"), optimizer.err());

        CliRun foreign = CliRun.of("train", "--data", data.toString(), "--preset", "default", "--hidden", "64");
        assertEquals(1, foreign.exit());
        assertTrue(
                foreign.err().contains("LSTM options (--hidden, --pooling) do not apply to --arch window-forest"),
                foreign.err());
        CliRun center = CliRun.of("train", "--data", data.toString(), "--center", "true");
        assertEquals(1, center.exit());
        assertTrue(center.err().contains("--center do not apply to --arch window-forest"), center.err());
        CliRun window = CliRun.of("train", "--data", data.toString());
        assertEquals(1, window.exit());
        assertTrue(window.err().contains("no window of 2.5s every 0.5s fits"), window.err());
        CliRun statistics =
                CliRun.of("train", "--data", data.toString(), "--arch", "cnn", "--statistics", "rp=abs;spin=abs");
        assertEquals(1, statistics.exit());
        assertTrue(statistics.err().contains("unknown channel group 'spin'"), statistics.err());
        CliRun clip = CliRun.of("train", "--data", data.toString(), "--arch", "lstm", "--statistics-clip", "2");
        assertEquals(1, clip.exit());
        assertTrue(
                clip.err().contains("CNN options (--filters, --kernel, --statistics, --statistics-clip) do not apply"),
                clip.err());
        CliRun trees = CliRun.of("train", "--data", data.toString(), "--arch", "LSTM", "--trees", "5");
        assertEquals(1, trees.exit());
        assertTrue(trees.err().contains("--trees do not apply to --arch lstm"), trees.err());

        Path damaged = dir.resolve("damaged.fcmodel");
        Files.writeString(damaged, "not a model");
        CliRun bad = CliRun.of("predict", "--model", damaged.toString(), "--data", data.toString());
        assertEquals(1, bad.exit());
        assertTrue(bad.err().contains("wrong magic"), bad.err());
    }
}
