package io.formcheck.trainer.data;

import java.nio.file.Files;
import java.nio.file.Path;

/** The development copies of the WLE data (../shared/data/wle), which are never committed. */
public final class RealData {
    /** The original recordings at the sensors' full rate: what the trainer uses by default. */
    public static final String FULL_RATE = "wle-full-dev.csv.gz";
    /** The public course file (about half of the readings). */
    public static final String PUBLIC = "pml-training-dev.csv.gz";

    public static final String SKIP_MESSAGE =
            "WLE data not found: set -Dformcheck.data.dir to the folder holding " + PUBLIC + " and " + FULL_RATE;

    private RealData() {}

    /** For tests: the public development file in -Dformcheck.data.dir (else ../../shared/data/wle), or null. */
    public static Path trainingFile() {
        return inTestData(PUBLIC);
    }

    /** For tests: the full-rate development file, or null where it is absent. */
    public static Path fullRateFile() {
        return inTestData(FULL_RATE);
    }

    private static Path inTestData(String name) {
        Path file = Path.of(System.getProperty("formcheck.data.dir", "../../shared/data/wle"), name);
        return Files.isRegularFile(file) ? file : null;
    }
}
