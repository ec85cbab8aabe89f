package io.formcheck.trainer.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.formcheck.trainer.SyntheticWle;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** bench prints ratios against libtorch's figures of the same run, read from the files it is given. */
class BenchCommandTest {
    @TempDir
    Path dir;

    @Test
    void ratiosAreOursOverLibtorchsFiguresOfTheSameRun() throws Exception {
        Path data = SyntheticWle.write(dir.resolve("wle.csv"), SyntheticWle.windows(10, 3, 5));
        Path results = dir.resolve("results.json");
        Files.writeString(
                results,
                "{\"training\": {\"runs\": [{\"threads\": 1, \"onednn_lstm\": true, \"train_seq_per_sec\": 5},"
                        + " {\"threads\": 2, \"onednn_lstm\": true, \"train_seq_per_sec\": 100}]}}");
        Path inference = dir.resolve("inference.json");
        Files.writeString(
                inference,
                "{\"len\": 10, \"runs\": [{\"batch\": 1, \"threads\": 1, \"median_ms\": 2.0},"
                        + " {\"batch\": 1, \"threads\": 2, \"median_ms\": 4.0}, {\"batch\": 64, \"threads\": 2, \"median_ms\": 50.0}]}");
        CliRun r = CliRun.of(
                "bench",
                "--data",
                data.toString(),
                "--window",
                "num_window",
                "--epochs",
                "1",
                "--calls",
                "20",
                "--steps",
                "10",
                "--torch-results",
                results.toString(),
                "--torch-inference",
                inference.toString());
        assertEquals(0, r.exit(), r.err());
        String out = r.out();
        double ours = number(out, "readings \\(median \\d+\\): (\\d+) sequences/s");
        assertEquals(ours / 100, number(out, "oneDNN on\\): 100 sequences/s  ratio ([0-9.]+)x"), 0.006);
        double single = number(out, "model module forward: median ([0-9.]+) ms");
        assertEquals(
                single / 2.0,
                number(
                        out,
                        "batch 1 \\(best of its thread counts\\): 2.000 ms \\([0-9.]+ GFLOP/s\\)  ratio ([0-9.]+)x"),
                0.006);
        double batch = number(out, "inference \\(threads: \\d\\): median ([0-9.]+) ms");
        assertEquals(
                50.0 / batch,
                number(out, "1280 sequences/s \\([0-9.]+ GFLOP/s\\)  ratio ([0-9.]+)x"),
                0.01 * (50.0 / batch));
    }

    @Test
    void libtorchTimedAtAnotherLengthIsRefused() throws Exception {
        Path data = SyntheticWle.write(dir.resolve("wle.csv"), SyntheticWle.windows(10, 3, 5));
        Path inference = dir.resolve("inference.json");
        Files.writeString(inference, "{\"len\": 23, \"runs\": [{\"batch\": 1, \"threads\": 1, \"median_ms\": 2.0}]}");
        CliRun r = CliRun.of(
                "bench",
                "--data",
                data.toString(),
                "--window",
                "num_window",
                "--epochs",
                "1",
                "--calls",
                "10",
                "--steps",
                "10",
                "--torch-inference",
                inference.toString());
        assertEquals(1, r.exit());
        assertTrue(r.err().contains("give --steps 23"), r.err());
    }

    private static double number(String text, String regex) {
        Matcher m = Pattern.compile(regex).matcher(text);
        assertTrue(m.find(), "no match for " + regex + " in:\n" + text);
        return Double.parseDouble(m.group(1));
    }
}
