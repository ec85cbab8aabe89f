package io.formcheck.trainer.spec;

import io.formcheck.trainer.nn.ClassifierNet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;

/** A network kind: an encoder over the readings, the shared head, and how it is optimized. */
public sealed interface NetworkSpec extends ModelSpec permits LstmSpec, CnnSpec {
    /** Subtract each repetition's own mean after standardization (recorded in the model file). */
    boolean center();

    /** LSTM or convolution layers. */
    int layers();

    Head head();

    Optimization optimization();

    Augmentation augmentation();

    /** The window statistics the head reads beside the encoder (NONE for the LSTM). */
    default StatisticsSpec statistics() {
        return StatisticsSpec.NONE;
    }

    /**
     * Member k's seed: the spec's own for the first, then the k-th draw of a generator seeded with it, so
     * that runs of nearby seeds (a study's 1, 2, ...) share no member.
     */
    default long memberSeed(int k) {
        return k == 0
                ? seed()
                : new SplittableRandom(seed()).longs(k).skip(k - 1).findFirst().getAsLong();
    }

    /** The network this spec trains, freshly built (not initialized). */
    ClassifierNet network(int features, int classes);

    @Override
    NetworkSpec withSeed(long seed);

    /** The same spec trained for that many epochs. */
    NetworkSpec withEpochs(int epochs);

    /** 2 epochs: checks the pipeline, not the model. */
    @Override
    default NetworkSpec quick() {
        return withEpochs(2);
    }

    /** The keys every network describes, after its encoder's own. */
    static Map<String, String> describe(Map<String, String> encoder, NetworkSpec spec) {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("architecture", spec.architecture().toString());
        m.putAll(encoder);
        m.put("layers", String.valueOf(spec.layers()));
        m.put("head", String.valueOf(spec.head().hidden()));
        m.put("dropout", String.valueOf(spec.head().dropout()));
        m.putAll(spec.optimization().describe());
        m.put("crop_min", String.valueOf(spec.augmentation().cropMin()));
        m.put("noise", String.valueOf(spec.augmentation().noise()));
        m.put("center", String.valueOf(spec.center()));
        m.put("seed", String.valueOf(spec.seed()));
        return m;
    }
}
