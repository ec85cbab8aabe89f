package io.formcheck.model;

import java.util.ArrayList;
import java.util.List;

/** A model's inference forward pass (a network's or a forest's): standardized readings in, class logits out. */
public interface SequenceNetwork {
    /** x: steps x inputSize standardized readings. Returns one logit per class. */
    float[] logits(float[][] x);

    /** S: how many window statistics ({@link StatisticsInput}) the network reads beside the readings. */
    default int statistics() {
        return 0;
    }

    /** With the S standardized window statistics the head reads beside the encoder's features. */
    default float[] logits(float[][] x, float[] statistics) {
        if (statistics.length != 0) {
            throw new IllegalArgumentException("this network reads no window statistics");
        }
        return logits(x);
    }

    /** Loads the network that the header's {@code architecture} names, or the average of its members. */
    static SequenceNetwork load(ModelFile file) throws ModelFormatException {
        // asked of every file: one without a members entry must not hold member tensors either
        List<ModelFile> members = file.members();
        if (!file.header().containsKey(ModelFile.MEMBERS)) {
            return loadOne(file);
        }
        List<SequenceNetwork> networks = new ArrayList<>();
        for (int k = 0; k < members.size(); k++) {
            try {
                networks.add(loadOne(members.get(k)));
            } catch (ModelFormatException e) {
                throw new ModelFormatException(
                        "member " + k + " of " + members.size() + " (tensors '" + ModelFile.memberPrefix(k) + "*'): "
                                + e.getMessage(),
                        e);
            }
        }
        return new MemberAverage(networks);
    }

    private static SequenceNetwork loadOne(ModelFile file) throws ModelFormatException {
        String kind = file.get(ModelFile.ARCHITECTURE);
        if (kind.equals(LstmSchema.ARCHITECTURE)) {
            return LstmForward.load(file);
        }
        if (kind.equals(CnnSchema.ARCHITECTURE)) {
            return CnnForward.load(file);
        }
        if (kind.equals(ForestSchema.ARCHITECTURE)) {
            return ForestForward.load(file);
        }
        if (kind.equals(WindowForestSchema.ARCHITECTURE)) {
            return WindowForestForward.load(file);
        }
        throw new ModelFormatException("unknown architecture '" + kind + "'");
    }
}
