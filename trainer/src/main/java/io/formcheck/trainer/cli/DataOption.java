package io.formcheck.trainer.cli;

import io.formcheck.trainer.data.DataException;
import io.formcheck.trainer.data.Dataset;
import io.formcheck.trainer.data.DatasetDownloader;
import io.formcheck.trainer.data.RealData;
import io.formcheck.trainer.data.WleCsvReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/**
 * {@code --data}: a WLE CSV or CSV.gz; by default the full-rate recordings in the shared data folder,
 * else the public training file, downloaded once and verified.
 */
final class DataOption {
    /** Where the development data lives when --data is not given: $FORMCHECK_DATA_DIR, else ../shared/data/wle. */
    static Path defaultDataDir() {
        String dir = System.getenv("FORMCHECK_DATA_DIR");
        return dir != null ? Path.of(dir) : Path.of("..", "shared", "data", "wle");
    }

    @Option(
            names = "--data",
            paramLabel = "PATH",
            description = "WLE CSV or CSV.gz (default: " + RealData.FULL_RATE + " in $FORMCHECK_DATA_DIR or "
                    + "../shared/data/wle, else the public pml-training.csv downloaded into ~/.cache/formcheck)")
    Path data;

    Path resolve() throws DataException {
        if (data != null) {
            return data;
        }
        Path fullRate = defaultDataDir().resolve(RealData.FULL_RATE);
        if (Files.isRegularFile(fullRate)) {
            return fullRate;
        }
        System.err.println(fullRate + " not found: using the public training file");
        return DatasetDownloader.fetch(
                DatasetDownloader.PUBLIC_TRAINING_URI,
                DatasetDownloader.PUBLIC_TRAINING_SHA256,
                DatasetDownloader.defaultCacheDir());
    }

    /** Reads the file, tells the user what was read and skipped, and insists on labels where they are needed. */
    Dataset load(boolean needLabels) throws DataException {
        Dataset ds = WleCsvReader.read(resolve());
        System.err.println(ds.summary());
        if (needLabels && !ds.labelled()) {
            throw new DataException(ds.source() + " has no classe column: this command needs labelled windows");
        }
        return ds;
    }

    String sha256() throws DataException {
        Path file = resolve();
        try {
            return DatasetDownloader.sha256(Files.readAllBytes(file));
        } catch (IOException e) {
            throw new DataException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }
}
