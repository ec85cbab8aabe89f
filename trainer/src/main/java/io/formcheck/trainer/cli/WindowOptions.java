package io.formcheck.trainer.cli;

import io.formcheck.trainer.data.Windowing;
import picocli.CommandLine.Option;

/** {@code --window} and {@code --stride}: how recordings are cut into the repetitions trained on and scored. */
final class WindowOptions {
    @Option(
            names = "--window",
            description = "a window's length in seconds (e.g. 2.5s), cut from each recording by timestamp; or "
                    + "num_window, the file's own windows of about 1 s (default: ${DEFAULT-VALUE})")
    String window = "2.5s";

    @Option(
            names = "--stride",
            description = "seconds between the starts of training windows, which may overlap (scored windows never "
                    + "do); windows by time only (default: 0.5s; stats-cnn: one window, so that none overlap)")
    String stride;

    Windowing windowing() {
        return Windowing.parse(window, stride);
    }

    /**
     * The windows the training options train on: apart where their preset trains on windows that do not
     * overlap, no stride is given and no other architecture is asked for.
     */
    Windowing windowing(TrainingOptions training) {
        boolean apart = training.preset.windowsApart()
                && (training.arch == null
                        || training.arch == training.preset.spec().architecture());
        return apart && stride == null ? windowing().withoutOverlap() : windowing();
    }
}
