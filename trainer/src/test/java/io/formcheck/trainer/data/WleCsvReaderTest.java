package io.formcheck.trainer.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.formcheck.trainer.SyntheticWle;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WleCsvReaderTest {
    @TempDir
    Path dir;

    final List<RepetitionWindow> windows = SyntheticWle.windows(2, 2, 1);

    @Test
    void bothLayoutsLoadTheSameWindows() throws Exception {
        Path pml = write("pml.csv", SyntheticWle.csv(windows, true));
        Path original = write("original.csv", SyntheticWle.csv(windows, false));
        Dataset a = WleCsvReader.read(pml);
        Dataset b = WleCsvReader.read(original);
        assertEquals(windows.size(), a.numWindows().size());
        assertEquals(0, a.rowsSkipped());
        Map<String, RepetitionWindow> readA = byName(a.numWindows());
        Map<String, RepetitionWindow> readB = byName(b.numWindows());
        for (RepetitionWindow w : windows) {
            assertEquals(w.label(), readA.get(w.window()).label());
            assertEquals(w.length(), readA.get(w.window()).length());
            assertArrayEquals(
                    readA.get(w.window()).samples()[0], readB.get(w.window()).samples()[0]);
            assertEquals(w.samples()[0][7], readA.get(w.window()).samples()[0][7], 1e-3);
        }
    }

    @Test
    void gzipIsRecognisedByItsBytes() throws Exception {
        Path gz = dir.resolve("data.bin");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(gz))) {
            out.write(SyntheticWle.csv(windows, true).getBytes(StandardCharsets.UTF_8));
        }
        assertEquals(windows.size(), WleCsvReader.read(gz).numWindows().size());
    }

    @Test
    void badRowsAreSkippedAndCountedByReason() throws Exception {
        String[] lines = SyntheticWle.csv(windows, true).split("\n");
        lines[1] = lines[1].replaceFirst(",\"no\",(\\d+),[^,]+,", ",\"no\",$1,oops,");
        lines[2] = lines[2].replace(",\"A\"", ",\"Z\"");
        lines[3] = "1,2,3";
        Dataset ds = WleCsvReader.read(write("bad.csv", String.join("\n", lines) + "\n"));
        assertEquals(3, ds.rowsSkipped());
        assertEquals(1L, ds.skippedRows().get("with a missing or non-numeric roll_belt"));
        assertEquals(1L, ds.skippedRows().get("with a missing or unknown classe"));
        assertEquals(1L, ds.skippedRows().get("with the wrong number of columns"));
        assertTrue(ds.summary().contains("skipped 3 rows"), ds.summary());
    }

    @Test
    void readingsAreOrderedByTime() throws Exception {
        String[] lines = SyntheticWle.csv(windows.subList(0, 1), true).split("\n");
        String second = lines[2];
        lines[2] = lines[1];
        lines[1] = second;
        Dataset ds = WleCsvReader.read(write("swapped.csv", String.join("\n", lines) + "\n"));
        assertEquals(windows.get(0).samples()[0][10], ds.numWindows().get(0).samples()[0][10], 1e-3);
    }

    @Test
    void emptyHeaderOnlyAndMissingColumnsAreRefused() throws IOException {
        assertRefused(write("empty.csv", ""), "is empty");
        String header = SyntheticWle.csv(windows, true).split("\n")[0];
        assertRefused(write("header.csv", header + "\n"), "no data rows");
        assertRefused(write("cols.csv", header.replace("\"yaw_arm\",", "") + "\n"), "lacks the column(s) yaw_arm");
        assertRefused(dir.resolve("absent.csv"), "does not exist");
    }

    @Test
    void realDevelopmentFileHasTheDocumentedWindows() throws Exception {
        Path file = RealData.trainingFile();
        assumeTrue(file != null, RealData.SKIP_MESSAGE);
        Dataset ds = WleCsvReader.read(file);
        assertEquals(16_659, ds.rowsRead());
        assertEquals(0, ds.rowsSkipped());
        List<RepetitionWindow> numWindows = ds.numWindows();
        assertEquals(730, numWindows.size());
        int[] perClass = new int[5];
        numWindows.forEach(w -> perClass[w.label()]++);
        assertArrayEquals(new int[] {206, 143, 128, 120, 133}, perClass);
        assertEquals(
                38, numWindows.stream().mapToInt(RepetitionWindow::length).max().orElse(0));
        assertEquals(30, ds.recordings().size(), "one recording per participant and class");
    }

    private static Map<String, RepetitionWindow> byName(List<RepetitionWindow> read) {
        Map<String, RepetitionWindow> out = new HashMap<>();
        read.forEach(w -> out.put(w.window(), w));
        return out;
    }

    private Path write(String name, String text) throws IOException {
        return Files.writeString(dir.resolve(name), text);
    }

    private static void assertRefused(Path file, String reason) {
        DataException e = assertThrows(DataException.class, () -> WleCsvReader.read(file));
        assertTrue(e.getMessage().contains(reason), e.getMessage());
    }
}
