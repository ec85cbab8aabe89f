package io.formcheck.model;

import java.util.List;

/**
 * Networks of one architecture trained from different seeds, answering together: their class
 * probabilities averaged. One network's answer moves with its random draws (initialization, dropout,
 * shuffling); the average moves less. The logits returned are the logarithms of the averaged
 * probabilities, so that a softmax of them gives the average back.
 */
final class MemberAverage implements SequenceNetwork {
    private final List<SequenceNetwork> members;

    /** members: loaded from one header, so they agree on inputs, statistics and classes. */
    MemberAverage(List<SequenceNetwork> members) {
        this.members = List.copyOf(members);
    }

    @Override
    public int statistics() {
        return members.get(0).statistics();
    }

    @Override
    public float[] logits(float[][] x) {
        return logits(x, new float[0]);
    }

    @Override
    public float[] logits(float[][] x, float[] statistics) {
        double[] mean = null;
        for (SequenceNetwork m : members) {
            float[] logits = m.logits(x, statistics);
            float[] p = new float[logits.length];
            Activations.softmax(logits, 0, logits.length, p);
            if (mean == null) {
                mean = new double[p.length];
            }
            for (int c = 0; c < p.length; c++) {
                mean[c] += p[c] / members.size();
            }
        }
        float[] out = new float[mean.length];
        for (int c = 0; c < out.length; c++) {
            out[c] = (float) Math.log(mean[c]);
        }
        return out;
    }
}
