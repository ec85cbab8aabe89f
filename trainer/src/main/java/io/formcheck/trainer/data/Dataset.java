package io.formcheck.trainer.data;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The recordings of one file and what reading it skipped.
 *
 * @param recordings one per (user_name, classe), readings in time order
 * @param rowsRead    data rows in the file
 * @param skippedRows reason -> rows skipped for it
 */
public record Dataset(String source, List<Recording> recordings, long rowsRead, Map<String, Long> skippedRows) {
    /** The scored and the training windows of one way of cutting the recordings. */
    public record Windows(Windowing windowing, List<RepetitionWindow> scored, List<RepetitionWindow> training) {}

    /** The windows of that cutting; refuses one that leaves nothing to score. */
    public Windows windows(Windowing windowing) {
        List<RepetitionWindow> scored = windowing.scored(recordings);
        if (scored.isEmpty()) {
            throw new IllegalArgumentException("no window of " + windowing.describe() + " fits in " + source
                    + ": its longest stretch of readings without a gap lasts "
                    + String.format(Locale.ROOT, "%.2f", longestStretchSeconds())
                    + "s; choose a shorter --window, or --window num_window");
        }
        return new Windows(windowing, scored, windowing.training(recordings));
    }

    private double longestStretchSeconds() {
        long longest = 0;
        for (Recording r : recordings) {
            long[] t = r.micros();
            int from = 0;
            for (int i = 1; i <= t.length; i++) {
                if (i == t.length || t[i] - t[i - 1] > Windowing.GAP_MICROS) {
                    longest = Math.max(longest, t[i - 1] - t[from]);
                    from = i;
                }
            }
        }
        return longest / 1e6;
    }

    /** The file's own windows, (user_name, num_window) groups: what predict scores, and evaluate by default. */
    public List<RepetitionWindow> numWindows() {
        return new Windowing.ByNumWindow().scored(recordings);
    }

    public long rowsSkipped() {
        return skippedRows.values().stream().mapToLong(Long::longValue).sum();
    }

    public boolean labelled() {
        return recordings.stream().allMatch(r -> r.label() >= 0);
    }

    /** One line for the user: how much was read and what was skipped. */
    public String summary() {
        StringBuilder s = new StringBuilder();
        s.append(source)
                .append(": ")
                .append(rowsRead)
                .append(" rows, ")
                .append(recordings.size())
                .append(" recordings, ")
                .append(numWindows().size())
                .append(" num_windows");
        if (!skippedRows.isEmpty()) {
            s.append("; skipped ").append(rowsSkipped()).append(" rows (");
            s.append(String.join(
                    ", ",
                    skippedRows.entrySet().stream()
                            .map(e -> e.getValue() + " " + e.getKey())
                            .toList()));
            s.append(")");
        }
        return s.toString();
    }
}
