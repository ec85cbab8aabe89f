package io.formcheck.model;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The window statistics a network's head reads beside its encoder: the {@link WindowFeatures} of the raw
 * window, each standardized with the training windows' mean and deviation and clipped to [-clip, clip].
 * The clip makes a new person's values beyond the training range saturate, as a tree's last split does,
 * rather than be extrapolated by the head's linear layer: unclipped, a network on these statistics
 * carried worse to people it had not seen (issue 9's measurements).
 *
 * <p>Header: statistics.features (the {@link WindowFeatures} spec, S values), statistics.clip. Tensors:
 * statistics.mean [S], statistics.std [S]. A model without the header entries reads no statistics.
 */
public record StatisticsInput(WindowFeatures features, float clip, float[] mean, float[] std) {
    private static final String FEATURES = "statistics.features";
    private static final String CLIP = "statistics.clip";

    public StatisticsInput {
        int size = features.size();
        if (!(clip > 0) || !Float.isFinite(clip)) {
            throw new IllegalArgumentException("the statistics' clip must be a positive number, got " + clip);
        }
        if (mean.length != size || std.length != size) {
            throw new IllegalArgumentException("the window features '" + features.spec() + "' are " + size
                    + " values, but the statistics have " + mean.length + " means and " + std.length + " deviations");
        }
        for (float s : std) {
            if (!(s > 0) || !Float.isFinite(s)) {
                throw new IllegalArgumentException("a statistic's deviation must be positive and finite, got " + s);
            }
        }
    }

    public static TensorSpec meanSpec(int size) {
        return new TensorSpec("statistics.mean", size);
    }

    public static TensorSpec stdSpec(int size) {
        return new TensorSpec("statistics.std", size);
    }

    /** How many statistics a model file's head reads: 0 when it names none. */
    public static int size(ModelFile f) throws ModelFormatException {
        String features = f.header().get(FEATURES);
        if (features == null) {
            return 0;
        }
        try {
            return WindowFeatures.parse(features).size();
        } catch (IllegalArgumentException e) {
            throw new ModelFormatException("header entry '" + FEATURES + "': " + e.getMessage(), e);
        }
    }

    /** The model's statistics, if its head reads any. */
    public static Optional<StatisticsInput> read(ModelFile f) throws ModelFormatException {
        int size = size(f);
        if (size == 0) {
            return Optional.empty();
        }
        String clip = f.get(CLIP);
        try {
            return Optional.of(new StatisticsInput(
                    WindowFeatures.parse(f.get(FEATURES)),
                    Float.parseFloat(clip),
                    f.tensor(meanSpec(size)).data().clone(),
                    f.tensor(stdSpec(size)).data().clone()));
        } catch (NumberFormatException e) {
            throw new ModelFormatException("header entry '" + CLIP + "' is not a number: '" + clip + "'");
        } catch (IllegalArgumentException e) {
            throw new ModelFormatException("model file's statistics are unusable: " + e.getMessage(), e);
        }
    }

    public int size() {
        return mean.length;
    }

    public Map<String, String> header() {
        Map<String, String> m = new TreeMap<>();
        m.put(FEATURES, features.spec());
        m.put(CLIP, String.valueOf(clip));
        return m;
    }

    public List<Tensor> tensors() {
        return List.of(meanSpec(size()).of(mean.clone()), stdSpec(size()).of(std.clone()));
    }

    /** raw: steps x 52 raw readings. Returns the S standardized, clipped statistics. */
    public float[] apply(float[][] raw) {
        return apply(features.of(raw));
    }

    /** statistics: the window's S raw statistics (of {@link WindowFeatures#of}). */
    public float[] apply(float[] statistics) {
        float[] out = new float[statistics.length];
        for (int j = 0; j < out.length; j++) {
            out[j] = Math.max(-clip, Math.min(clip, (statistics[j] - mean[j]) / std[j]));
        }
        return out;
    }
}
