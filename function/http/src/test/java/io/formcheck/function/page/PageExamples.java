package io.formcheck.function.page;

import io.formcheck.model.AtomicFiles;
import io.formcheck.model.ExerciseClass;
import io.formcheck.model.Features;
import io.formcheck.trainer.data.Dataset;
import io.formcheck.trainer.data.RealData;
import io.formcheck.trainer.data.Recording;
import io.formcheck.trainer.data.RepetitionWindow;
import io.formcheck.trainer.data.Windowing;
import io.formcheck.trainer.data.WleCsvReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes the page's five example repetitions, page/examples/A.csv ... E.csv: for each class, the 2.5 s
 * window by time in the middle of carlitos' recording of that class in the full-rate WLE recordings
 * (wle-full-dev.csv.gz; CC BY-SA, Velloso et al., AH '13), in the original recordings' layout with only
 * the columns the page reads. The build runs it (function/http's pom, before packaging) with the data
 * folder and the folder to write; the data is never committed, so a build without it has no examples.
 */
public final class PageExamples {
    static final String PERSON = "carlitos";
    static final Windowing CUT = new Windowing.ByTime(2.5, 2.5);
    /** Where the build writes the examples, relative to function/http. */
    static final Path FOLDER = Path.of("target/classes/META-INF/resources/page/examples");

    private PageExamples() {}

    /** args: the WLE data folder, the folder to write the examples into. */
    public static void main(String[] args) throws Exception {
        Path data = Path.of(args[0], RealData.FULL_RATE);
        Path folder = Path.of(args[1]);
        if (!Files.isRegularFile(data)) {
            // Runs inside Maven's JVM: no exit, the build goes on without examples.
            System.err.println("The page's examples are not built: " + data + " is absent. " + RealData.SKIP_MESSAGE);
            return;
        }
        Files.createDirectories(folder);
        for (Map.Entry<String, String> example : cut(data).entrySet()) {
            AtomicFiles.writeString(folder.resolve(example.getKey()), example.getValue());
        }
        System.out.println("The page's examples: " + folder);
    }

    /** Each example's file name and CSV text. */
    static Map<String, String> cut(Path data) throws Exception {
        Dataset dataset = WleCsvReader.read(data);
        Map<String, String> files = new LinkedHashMap<>();
        for (ExerciseClass c : ExerciseClass.values()) {
            List<RepetitionWindow> windows = new ArrayList<>();
            for (RepetitionWindow w : dataset.windows(CUT).scored()) {
                if (w.user().equals(PERSON) && w.label() == c.ordinal()) {
                    windows.add(w);
                }
            }
            if (windows.isEmpty()) {
                throw new IOException(data + " has no 2.5 s window of " + PERSON + ", class " + c);
            }
            RepetitionWindow middle = windows.get(windows.size() / 2);
            files.put(c.name() + ".csv", csv(dataset.recordings().get(middle.recording()), middle, c));
        }
        return files;
    }

    private static String csv(Recording rec, RepetitionWindow w, ExerciseClass c) {
        StringBuilder out = new StringBuilder("user_name,raw_timestamp_part_1,raw_timestamp_part_2,num_window,");
        out.append(String.join(",", Features.NAMES)).append(",classe\n");
        for (int i = w.from(); i < w.to(); i++) {
            out.append(rec.user())
                    .append(',')
                    .append(rec.micros()[i] / 1_000_000)
                    .append(',')
                    .append(rec.micros()[i] % 1_000_000)
                    .append(',')
                    .append(rec.numWindow()[i]);
            for (float v : rec.samples()[i]) {
                String text = Float.toString(v);
                out.append(',').append(text.endsWith(".0") ? text.substring(0, text.length() - 2) : text);
            }
            out.append(',').append(c.name()).append('\n');
        }
        return out.toString();
    }
}
