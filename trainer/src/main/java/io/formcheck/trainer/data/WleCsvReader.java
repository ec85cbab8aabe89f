package io.formcheck.trainer.data;

import io.formcheck.model.ExerciseClass;
import io.formcheck.model.Features;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.GZIPInputStream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.commons.csv.DuplicateHeaderMode;

/**
 * Reads a WLE CSV (plain or gzip) into repetition windows. Columns are found by header name, so the
 * public pml-*.csv files (leading unnamed row number) and the original recordings file both load.
 * Only the 52 raw features are read; the summary columns are ignored.
 */
public final class WleCsvReader {
    static final String USER = "user_name";
    static final String WINDOW = "num_window";
    static final String LABEL = "classe";
    static final String PROBLEM_ID = "problem_id";
    static final String TIME_SECONDS = "raw_timestamp_part_1";
    static final String TIME_MICROS = "raw_timestamp_part_2";

    private static final CSVFormat FORMAT = CSVFormat.DEFAULT
            .builder()
            .setHeader()
            .setSkipHeaderRecord(true)
            .setAllowMissingColumnNames(true)
            .setDuplicateHeaderMode(DuplicateHeaderMode.ALLOW_ALL)
            .setIgnoreEmptyLines(true)
            .setTrim(true)
            .get();

    private WleCsvReader() {}

    public static Dataset read(Path path) throws DataException {
        if (!Files.isRegularFile(path)) {
            throw new DataException("data file " + path + " does not exist or is not a file");
        }
        try (InputStream in = open(path);
                Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
            return read(path.toString(), reader);
        } catch (IOException | UncheckedIOException e) {
            throw new DataException("cannot read " + path + ": " + e.getMessage(), e);
        }
    }

    /** Opens plain or gzip-compressed data, told apart by the gzip magic bytes rather than the name. */
    private static InputStream open(Path path) throws IOException {
        InputStream in = new BufferedInputStream(Files.newInputStream(path), 1 << 16);
        in.mark(2);
        int b0 = in.read();
        int b1 = in.read();
        in.reset();
        return b0 == 0x1f && b1 == 0x8b ? new GZIPInputStream(in, 1 << 16) : in;
    }

    static Dataset read(String source, Reader reader) throws DataException, IOException {
        try (CSVParser parser =
                CSVParser.builder().setReader(reader).setFormat(FORMAT).get()) {
            List<String> header = parser.getHeaderNames();
            if (header.isEmpty()) {
                throw new DataException(source + " is empty: expected a header row and data rows");
            }
            Columns columns = Columns.find(source, header);
            Map<String, List<Reading>> byWindow = new LinkedHashMap<>();
            Map<String, Long> skipped = new TreeMap<>();
            long rows = 0;
            for (CSVRecord record : parser) {
                rows++;
                String problem = columns.parse(record, byWindow);
                if (problem != null) {
                    skipped.merge(problem, 1L, Long::sum);
                }
            }
            if (rows == 0) {
                throw new DataException(source + " has a header but no data rows");
            }
            Map<String, List<Reading>> byRecording = new LinkedHashMap<>();
            for (List<Reading> readings : byWindow.values()) {
                Reading first = readings.get(0);
                if (readings.stream().anyMatch(r -> r.label != first.label)) {
                    skipped.merge("in windows that mix labels", (long) readings.size(), Long::sum);
                    continue;
                }
                byRecording
                        .computeIfAbsent(first.user + "\u0000" + first.label, k -> new ArrayList<>())
                        .addAll(readings);
            }
            if (byRecording.isEmpty()) {
                throw new DataException(source + " has no usable rows (" + skipped + ")");
            }
            List<Recording> recordings = new ArrayList<>();
            for (List<Reading> readings : byRecording.values()) {
                // stable: readings of equal time keep their file order
                readings.sort(Comparator.comparingLong(Reading::time));
                Reading first = readings.get(0);
                recordings.add(new Recording(
                        first.user,
                        first.label,
                        readings.stream().mapToLong(Reading::time).toArray(),
                        readings.stream().map(Reading::values).toArray(float[][]::new),
                        readings.stream().map(Reading::window).toArray(String[]::new),
                        readings.stream().map(Reading::id).toArray(String[]::new)));
            }
            return new Dataset(source, List.copyOf(recordings), rows, skipped);
        } catch (UncheckedIOException | IllegalStateException | IllegalArgumentException e) {
            throw new DataException(source + " is not readable CSV: " + e.getMessage(), e);
        }
    }

    private record Reading(String user, String window, int label, String id, long time, float[] values) {}

    /** Where each needed column is in this file's header. */
    private record Columns(int user, int window, int label, int problemId, int seconds, int micros, int[] features) {
        static Columns find(String source, List<String> header) throws DataException {
            int[] features = new int[Features.COUNT];
            List<String> missing = new ArrayList<>();
            for (int j = 0; j < Features.COUNT; j++) {
                features[j] = header.indexOf(Features.NAMES.get(j));
                if (features[j] < 0) {
                    missing.add(Features.NAMES.get(j));
                }
            }
            int user = header.indexOf(USER);
            int window = header.indexOf(WINDOW);
            if (user < 0) {
                missing.add(USER);
            }
            if (window < 0) {
                missing.add(WINDOW);
            }
            if (!missing.isEmpty()) {
                throw new DataException(source + " lacks the column(s) " + String.join(", ", missing));
            }
            return new Columns(
                    user,
                    window,
                    header.indexOf(LABEL),
                    header.indexOf(PROBLEM_ID),
                    header.indexOf(TIME_SECONDS),
                    header.indexOf(TIME_MICROS),
                    features);
        }

        /** Adds the record's reading to its window; returns why it was skipped, or null. */
        String parse(CSVRecord record, Map<String, List<Reading>> byWindow) {
            if (!record.isConsistent()) {
                return "with the wrong number of columns";
            }
            String userName = record.get(user);
            String windowId = record.get(window);
            if (userName.isEmpty() || windowId.isEmpty()) {
                return "without user_name or num_window";
            }
            int classIndex = -1;
            if (label >= 0) {
                try {
                    classIndex = ExerciseClass.valueOf(record.get(label)).ordinal();
                } catch (IllegalArgumentException e) {
                    return "with a missing or unknown classe";
                }
            }
            long time = record.getRecordNumber();
            if (seconds >= 0 && micros >= 0) {
                try {
                    time = Long.parseLong(record.get(seconds)) * 1_000_000L + Long.parseLong(record.get(micros));
                } catch (NumberFormatException e) {
                    return "with a non-numeric timestamp";
                }
            }
            float[] values = new float[features.length];
            for (int j = 0; j < features.length; j++) {
                String text = record.get(features[j]);
                float v;
                try {
                    v = Float.parseFloat(text);
                } catch (NumberFormatException e) {
                    v = Float.NaN;
                }
                if (!Float.isFinite(v)) {
                    return "with a missing or non-numeric " + Features.NAMES.get(j);
                }
                values[j] = v;
            }
            String id = problemId >= 0 ? record.get(problemId) : "";
            byWindow.computeIfAbsent(userName + "\u0000" + windowId, k -> new ArrayList<>())
                    .add(new Reading(userName, windowId, classIndex, id, time, values));
            return null;
        }
    }
}
