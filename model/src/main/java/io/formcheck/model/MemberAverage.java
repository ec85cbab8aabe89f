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

    /** members: loaded from one header, so they agree on inputs, statistics and classes; at least one. */
    MemberAverage(List<SequenceNetwork> members) {
        if (members.isEmpty()) {
            throw new IllegalArgumentException("an average of no networks");
        }
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

    /**
     * log(mean over members of softmax(member's logits)), in doubles and shifted by the largest term, so
     * that it stays finite where a member's probability of a class underflows a float.
     */
    @Override
    public float[] logits(float[][] x, float[] statistics) {
        double[][] logSoftmax = new double[members.size()][];
        for (int k = 0; k < members.size(); k++) {
            logSoftmax[k] = logSoftmax(members.get(k).logits(x, statistics));
        }
        int classes = logSoftmax[0].length;
        float[] out = new float[classes];
        for (int c = 0; c < classes; c++) {
            double max = Double.NEGATIVE_INFINITY;
            for (double[] l : logSoftmax) {
                max = Math.max(max, l[c]);
            }
            double sum = 0;
            for (double[] l : logSoftmax) {
                sum += Math.exp(l[c] - max);
            }
            out[c] = (float) (max + Math.log(sum / members.size()));
        }
        return out;
    }

    private static double[] logSoftmax(float[] logits) {
        double max = Double.NEGATIVE_INFINITY;
        for (float l : logits) {
            max = Math.max(max, l);
        }
        double sum = 0;
        for (float l : logits) {
            sum += Math.exp(l - max);
        }
        double log = max + Math.log(sum);
        double[] out = new double[logits.length];
        for (int c = 0; c < out.length; c++) {
            out[c] = logits[c] - log;
        }
        return out;
    }
}
