package io.formcheck.model;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** A loaded model: raw readings of one repetition in, class probabilities out. Thread-safe. */
public final class Classifier {
    /** The longest repetition accepted: far beyond a real curl (a 2.5 s window of WLE holds at most about 145 readings), bounded for memory. */
    public static final int MAX_SAMPLES = 2_000;

    private final ModelFile file;
    private final List<String> features;
    private final List<String> labels;
    private final Standardization standardization;
    private final SequenceNetwork network;
    private final Optional<StatisticsInput> statistics;

    public Classifier(ModelFile file) throws ModelFormatException {
        this.file = file;
        this.features = file.listValue(ModelFile.FEATURES);
        this.labels = file.listValue(ModelFile.LABELS);
        int n = features.size();
        this.standardization = new Standardization(
                file.tensor(ModelFile.INPUT_MEAN, n).data(),
                file.tensor(ModelFile.INPUT_STD, n).data(),
                file.header().getOrDefault(ModelFile.INPUT_CENTERING, "none").equals("per_repetition"));
        for (float s : standardization.std()) {
            if (!(s > 0f) || !Float.isFinite(s)) {
                throw new ModelFormatException("tensor 'input.std' holds a non-positive or non-finite value");
            }
        }
        this.network = SequenceNetwork.load(file);
        this.statistics = StatisticsInput.read(file);
        if (statistics.isPresent() && network.statistics() == 0) {
            throw new ModelFormatException("the file names window statistics, but its '"
                    + file.get(ModelFile.ARCHITECTURE) + "' network reads none (only a cnn's head does)");
        }
        if (statistics.isPresent() && !features.equals(Features.NAMES)) {
            throw new ModelFormatException(
                    "window statistics are computed from the 52 WLE readings in their order; the file's features are "
                            + String.join(",", features));
        }
        int probe = logits(new float[1][n]).length;
        if (probe != labels.size()) {
            throw new ModelFormatException(
                    "network has " + probe + " outputs but the file names " + labels.size() + " labels");
        }
    }

    public static Classifier load(Path path) throws IOException {
        return new Classifier(ModelFile.read(path));
    }

    public ModelFile file() {
        return file;
    }

    public List<String> features() {
        return features;
    }

    public List<String> labels() {
        return labels;
    }

    /**
     * The probabilities of each label, in {@link #labels()} order. samples: steps x features, raw readings.
     * The one check of a repetition: throws {@link InvalidInputException} naming what is wrong with it.
     */
    public float[] probabilities(float[][] samples) {
        check(samples);
        float[] logits = logits(samples);
        float[] p = new float[logits.length];
        Activations.softmax(logits, 0, logits.length, p);
        return p;
    }

    private float[] logits(float[][] samples) {
        float[] side = statistics.map(s -> s.apply(samples)).orElse(new float[0]);
        return network.logits(standardization.apply(samples), side);
    }

    /** The index of the most probable label. */
    public static int argmax(float[] p) {
        int best = 0;
        for (int i = 1; i < p.length; i++) {
            if (p[i] > p[best]) {
                best = i;
            }
        }
        return best;
    }

    /** Refuses a repetition of no readings or more than {@link #MAX_SAMPLES}, before anything is built for it. */
    public static void checkLength(int steps) {
        if (steps == 0) {
            throw new InvalidInputException("the repetition has no samples");
        }
        if (steps > MAX_SAMPLES) {
            throw new InvalidInputException(
                    "the repetition has " + steps + " samples; at most " + MAX_SAMPLES + " are accepted");
        }
    }

    private void check(float[][] samples) {
        checkLength(samples.length);
        for (int t = 0; t < samples.length; t++) {
            if (samples[t].length != features.size()) {
                throw new InvalidInputException(
                        "sample " + t + " has " + samples[t].length + " values; the model reads " + features.size());
            }
            for (int j = 0; j < samples[t].length; j++) {
                if (!Float.isFinite(samples[t][j])) {
                    throw new InvalidInputException(
                            "sample " + t + ": " + features.get(j) + " is not a finite float32 number");
                }
            }
        }
    }
}
