package io.formcheck.trainer;

import io.formcheck.model.Features;
import io.formcheck.trainer.data.Dataset;
import io.formcheck.trainer.data.RepetitionWindow;
import io.formcheck.trainer.data.Splits;
import io.formcheck.trainer.data.Windowing;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

/** Generated repetitions whose class is plainly visible in the signal, and WLE-layout CSV text of them. */
public final class SyntheticWle {
    private SyntheticWle() {}

    /** Windows of 5..20 readings; class k ramps feature 4k+1 up by 8 noise deviations over the repetition, plus noise, on raw WLE scales. */
    public static List<RepetitionWindow> windows(int perClass, int users, long seed) {
        Random rng = new Random(seed);
        List<RepetitionWindow> out = new ArrayList<>();
        int window = 1;
        for (int k = 0; k < 5; k++) {
            for (int i = 0; i < perClass; i++) {
                int steps = 5 + rng.nextInt(16);
                float[][] samples = new float[steps][Features.COUNT];
                for (int t = 0; t < steps; t++) {
                    for (int j = 0; j < Features.COUNT; j++) {
                        samples[t][j] = (float) (100 * j + 10 * rng.nextGaussian());
                    }
                    samples[t][4 * k + 1] += 80f * t / steps;
                }
                out.add(new RepetitionWindow("user" + (window % users), String.valueOf(window), k, "", samples));
                window++;
            }
        }
        return out;
    }

    /** A stratified 70/15/15 split of generated windows, each its own repetition. */
    public static Splits.Split split(List<RepetitionWindow> windows, long seed) {
        return Splits.stratified(new Dataset.Windows(new Windowing.ByNumWindow(), windows, windows), seed, true);
    }

    /** The public pml-*.csv layout: unnamed row number, ids, timestamps, a summary column, features, classe. */
    public static String csv(List<RepetitionWindow> windows, boolean rowNumberColumn) {
        StringBuilder s = new StringBuilder();
        if (rowNumberColumn) {
            s.append("\"\",");
        }
        s.append("\"user_name\",\"raw_timestamp_part_1\",\"raw_timestamp_part_2\",\"new_window\",\"num_window\"");
        for (int j = 0; j < Features.COUNT; j++) {
            s.append(",\"").append(Features.NAMES.get(j)).append('"');
            if (j == 3) {
                s.append(",\"var_total_accel_belt\"");
            }
        }
        s.append(",\"classe\"\n");
        int row = 1;
        // one recording per (user, class), its windows one after the other, readings 22 ms apart (the
        // sensors' rate); recordings a thousand seconds apart
        Map<String, Long> clock = new HashMap<>();
        for (RepetitionWindow w : windows) {
            long start = clock.computeIfAbsent(w.user() + w.label(), k -> 1_000_000_000L * clock.size());
            long micros = start;
            for (int t = 0; t < w.length(); t++) {
                micros += 22_000;
                if (rowNumberColumn) {
                    s.append(row).append(',');
                }
                s.append('"')
                        .append(w.user())
                        .append("\",")
                        .append(1322489729 + micros / 1_000_000)
                        .append(',')
                        .append(micros % 1_000_000)
                        .append(",\"no\",")
                        .append(w.window());
                for (int j = 0; j < Features.COUNT; j++) {
                    s.append(',').append(String.format(Locale.ROOT, "%.4f", w.samples()[t][j]));
                    if (j == 3) {
                        s.append(t == 0 ? ",#DIV/0!" : ",NA");
                    }
                }
                s.append(",\"").append((char) ('A' + w.label())).append("\"\n");
                row++;
            }
            clock.put(w.user() + w.label(), micros);
        }
        return s.toString();
    }

    public static Path write(Path file, List<RepetitionWindow> windows) throws IOException {
        Files.writeString(file, csv(windows, true));
        return file;
    }
}
