package io.formcheck.trainer.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.formcheck.model.Features;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class WindowingTest {
    /** users x classes recordings of the given length, a reading every 20 ms, each reading's feature 0 its index. */
    static List<Recording> recordings(int users, int classes, double seconds) {
        List<Recording> out = new ArrayList<>();
        for (int u = 0; u < users; u++) {
            for (int k = 0; k < classes; k++) {
                out.add(recording("user" + u, k, (int) Math.round(seconds / 0.02), 20_000, -1));
            }
        }
        return out;
    }

    /** n readings step micros apart; with gapAt >= 0, a second passes before reading gapAt. */
    static Recording recording(String user, int label, int n, long step, int gapAt) {
        long[] micros = new long[n];
        float[][] samples = new float[n][Features.COUNT];
        String[] numWindow = new String[n];
        for (int i = 0; i < n; i++) {
            micros[i] = 1_000_000_000L + i * step + (gapAt >= 0 && i >= gapAt ? 1_000_000 : 0);
            samples[i][0] = i;
            numWindow[i] = String.valueOf(i / 50);
        }
        String[] ids = new String[n];
        Arrays.fill(ids, "");
        return new Recording(user, label, micros, samples, numWindow, ids);
    }

    @Test
    void windowsByTimeHoldTheirLengthOfReadingsAndNeverSpanAGap() {
        // 10 s at 50 readings a second, then a one-second gap, then 3 s more
        Recording rec = recording("u", 0, 650, 20_000, 500);
        List<RepetitionWindow> scored = new Windowing.ByTime(2.5, 0.5).scored(List.of(rec));
        // 10 s hold 4 whole windows of 2.5 s; the 3 s after the gap hold 1
        assertEquals(5, scored.size());
        for (RepetitionWindow w : scored) {
            assertEquals(125, w.length(), w.toString());
            assertTrue(w.to() <= 500 || w.from() >= 500, "never across the gap: " + w);
            assertEquals(w.from(), (int) w.samples()[0][0], "the readings of its range");
        }
        List<RepetitionWindow> training = new Windowing.ByTime(2.5, 0.5).training(List.of(rec));
        // starts every 0.5 s: 0 .. 7.5 s before the gap (16), 0 .. 0.5 s after it (2)
        assertEquals(18, training.size());
        assertEquals("0.5s", training.get(1).window());
    }

    @Test
    void numWindowsAreTheFilesOwnGroups() {
        Recording rec = recording("u", 2, 120, 20_000, -1);
        List<RepetitionWindow> groups = new Windowing.ByNumWindow().scored(List.of(rec));
        assertEquals(
                List.of(50, 50, 20),
                groups.stream().map(RepetitionWindow::length).toList());
        assertEquals("2", groups.get(2).window());
        assertEquals(2, groups.get(0).label());
    }

    @Test
    void windowOptionsAreParsedAndCheckedWithClearErrors() {
        assertEquals(new Windowing.ByTime(2.5, 0.5), Windowing.parse("2.5s", null));
        assertEquals(new Windowing.ByTime(0.3, 0.3), Windowing.parse("0.3", null));
        assertEquals(new Windowing.ByTime(2.0, 1.0), Windowing.parse("2s", "1s"));
        assertEquals(new Windowing.ByNumWindow(), Windowing.parse("num_window", null));
        assertEquals("2.5s every 0.5s", Windowing.parse("2.5s", null).describe());
        assertMessage(
                "--window takes seconds such as 2.5s or num_window, not 'long'", () -> Windowing.parse("long", null));
        assertMessage("--stride applies to windows by time", () -> Windowing.parse("num_window", "1s"));
        assertMessage("the stride must be more than 0 and at most the window", () -> Windowing.parse("1s", "2s"));
        assertMessage("a window lasts more than 0 and at most 60 seconds", () -> Windowing.parse("0s", null));
    }

    private static void assertMessage(String expected, org.junit.jupiter.api.function.Executable call) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call);
        assertTrue(e.getMessage().contains(expected), e.getMessage());
    }
}
