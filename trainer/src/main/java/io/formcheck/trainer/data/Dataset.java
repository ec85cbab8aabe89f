package io.formcheck.trainer.data;

import java.util.List;
import java.util.Map;

/**
 * The windows of one file and what reading it skipped.
 *
 * @param rowsRead    data rows in the file
 * @param skippedRows reason -> rows skipped for it
 */
public record Dataset(String source, List<RepetitionWindow> windows, long rowsRead, Map<String, Long> skippedRows) {
    public long rowsSkipped() {
        return skippedRows.values().stream().mapToLong(Long::longValue).sum();
    }

    public boolean labelled() {
        return windows.stream().allMatch(RepetitionWindow::labelled);
    }

    public int[] labels() {
        return windows.stream().mapToInt(RepetitionWindow::label).toArray();
    }

    /** One line for the user: how much was read and what was skipped. */
    public String summary() {
        StringBuilder s = new StringBuilder();
        s.append(source)
                .append(": ")
                .append(rowsRead)
                .append(" rows, ")
                .append(windows.size())
                .append(" windows");
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
