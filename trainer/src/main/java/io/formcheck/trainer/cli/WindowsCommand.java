package io.formcheck.trainer.cli;

import io.formcheck.model.AtomicFiles;
import io.formcheck.model.ExerciseClass;
import io.formcheck.model.Features;
import io.formcheck.trainer.data.Dataset;
import io.formcheck.trainer.data.Recording;
import io.formcheck.trainer.data.RepetitionWindow;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * Writes the scored windows of a cutting as a plain WLE CSV whose num_window is each window's number,
 * so that anything grouping rows by (user_name, num_window), as the libtorch anchor does, reads
 * exactly these windows (and {@code --window num_window} reads them back).
 */
@Command(
        name = "windows",
        mixinStandardHelpOptions = true,
        description =
                "Writes the scored windows of --window as a plain CSV grouped by num_window (one number per window), "
                        + "e.g. for the libtorch anchor to time 2.5 s windows.")
final class WindowsCommand implements Callable<Integer> {
    @Mixin
    DataOption data;

    @Mixin
    WindowOptions window;

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "the CSV to write")
    Path out;

    @Override
    public Integer call() throws Exception {
        Dataset ds = data.load(true);
        List<RepetitionWindow> windows = ds.windows(window.windowing()).scored();
        List<String> header = new ArrayList<>(List.of("user_name", "raw_timestamp_part_1", "raw_timestamp_part_2"));
        header.add("num_window");
        header.addAll(Features.NAMES);
        header.add("classe");
        AtomicFiles.write(out, stream -> {
            Writer writer = new OutputStreamWriter(stream, StandardCharsets.UTF_8);
            CSVPrinter csv = new CSVPrinter(
                    writer,
                    CSVFormat.DEFAULT
                            .builder()
                            .setHeader(header.toArray(String[]::new))
                            .get());
            for (int w = 0; w < windows.size(); w++) {
                RepetitionWindow rw = windows.get(w);
                Recording rec = ds.recordings().get(rw.recording());
                for (int i = rw.from(); i < rw.to(); i++) {
                    List<Object> row = new ArrayList<>(header.size());
                    long micros = rec.micros()[i];
                    row.add(rw.user());
                    row.add(Math.floorDiv(micros, 1_000_000L));
                    row.add(Math.floorMod(micros, 1_000_000L));
                    row.add(w + 1);
                    for (float v : rec.samples()[i]) {
                        row.add(v);
                    }
                    row.add(ExerciseClass.values()[rw.label()].name());
                    csv.printRecord(row);
                }
            }
            csv.flush();
        });
        int readings = windows.stream().mapToInt(RepetitionWindow::length).sum();
        int[] lengths =
                windows.stream().mapToInt(RepetitionWindow::length).sorted().toArray();
        System.err.printf(
                "wrote %s: %d non-overlapping windows of --window %s (%d readings; lengths %d..%d, median %d)%n",
                out,
                windows.size(),
                window.window,
                readings,
                lengths[0],
                lengths[lengths.length - 1],
                lengths[lengths.length / 2]);
        return 0;
    }
}
