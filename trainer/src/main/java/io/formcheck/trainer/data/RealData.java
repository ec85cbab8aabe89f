package io.formcheck.trainer.data;

import java.nio.file.Files;
import java.nio.file.Path;

/** Where tests find the real WLE files: -Dformcheck.data.dir, else ../shared/data/wle. */
public final class RealData {
    public static final String SKIP_MESSAGE =
            "WLE data not found: set -Dformcheck.data.dir to the folder holding pml-training-dev.csv.gz";

    private RealData() {}

    /** The development training file, or null where it is absent. */
    public static Path trainingFile() {
        String dir = System.getProperty("formcheck.data.dir", "../../shared/data/wle");
        Path file = Path.of(dir, "pml-training-dev.csv.gz");
        return Files.isRegularFile(file) ? file : null;
    }
}
