package io.formcheck.trainer.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.formcheck.trainer.SyntheticWle;
import io.formcheck.trainer.data.Dataset;
import io.formcheck.trainer.data.RepetitionWindow;
import io.formcheck.trainer.data.Windowing;
import io.formcheck.trainer.data.WleCsvReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The windows of a cutting, written and read back by num_window, are the same windows. */
class WindowsCommandTest {
    @TempDir
    Path dir;

    @Test
    void windowsByTimeReadBackByNumWindowAreTheSameWindows() throws Exception {
        Path data = SyntheticWle.write(dir.resolve("wle.csv"), SyntheticWle.windows(12, 3, 9));
        Path out = dir.resolve("cut.csv");
        CliRun run = CliRun.of("windows", "--data", data.toString(), "--window", "0.3s", "--out", out.toString());
        assertEquals(0, run.exit(), run.err());

        List<RepetitionWindow> cut =
                WleCsvReader.read(data).windows(Windowing.parse("0.3s", null)).scored();
        Dataset written = WleCsvReader.read(out);
        assertEquals(0, written.rowsSkipped());
        List<RepetitionWindow> back = written.numWindows();
        assertTrue(cut.size() > 10);
        assertEquals(cut.size(), back.size());
        for (RepetitionWindow w : cut) {
            RepetitionWindow match = back.stream()
                    .filter(b -> b.user().equals(w.user())
                            && b.length() == w.length()
                            && java.util.Arrays.equals(b.samples()[0], w.samples()[0]))
                    .findFirst()
                    .orElseThrow(() -> new AssertionError("window " + w.window() + " of " + w.user() + " not written"));
            assertEquals(w.label(), match.label());
            for (int t = 0; t < w.length(); t++) {
                assertArrayEquals(w.samples()[t], match.samples()[t]);
            }
        }
        assertTrue(Files.readString(out).startsWith("user_name,raw_timestamp_part_1"));
    }
}
