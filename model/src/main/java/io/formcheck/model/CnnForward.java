package io.formcheck.model;

/**
 * Inference forward pass of the 1D-CNN classifier for one sequence: temporal convolutions with
 * 'same' zero padding and ReLU, the mean over all steps, then Linear-ReLU-Linear on the mean followed by
 * the window's S standardized statistics ({@link StatisticsInput}; S = 0 for a plain CNN).
 *
 * <p>Shapes: x [T, in]; conv l: W [F, K*in_l] tap-major (column j*in + c weighs channel c of the
 * reading at offset j - K/2), b [F]; fc1 [D, F + S] + [D]; fc2 [C, D] + [C] (names and header:
 * {@link CnnSchema}). Weights are held transposed, one array per input column, so each product is a
 * vectorizable y += a * row.
 */
public final class CnnForward implements SequenceNetwork {
    private final int kernel;
    private final int statistics;
    private final float[][][] convT;
    private final float[][] convBias;
    private final float[][] fc1T;
    private final float[] fc1b;
    private final float[][] fc2T;
    private final float[] fc2b;

    private CnnForward(ModelFile f) throws ModelFormatException {
        CnnSchema schema = CnnSchema.read(f);
        kernel = schema.kernel();
        statistics = schema.statistics();
        convT = new float[schema.layers()][][];
        convBias = new float[schema.layers()][];
        for (int l = 0; l < schema.layers(); l++) {
            convT[l] = Matrices.transpose(f.tensor(schema.weight(l)));
            convBias[l] = f.tensor(schema.bias(l)).data().clone();
        }
        HeadSchema head = schema.head();
        fc1T = Matrices.transpose(f.tensor(head.fc1Weight()));
        fc1b = f.tensor(head.fc1Bias()).data().clone();
        fc2T = Matrices.transpose(f.tensor(head.fc2Weight()));
        fc2b = f.tensor(head.fc2Bias()).data().clone();
    }

    public static CnnForward load(ModelFile f) throws ModelFormatException {
        return new CnnForward(f);
    }

    @Override
    public float[] logits(float[][] x) {
        return logits(x, new float[0]);
    }

    @Override
    public int statistics() {
        return statistics;
    }

    /** windowStatistics: the S standardized window statistics the head reads after the pooled features. */
    @Override
    public float[] logits(float[][] x, float[] windowStatistics) {
        if (windowStatistics.length != statistics) {
            throw new IllegalArgumentException(
                    "the network reads " + statistics + " window statistics, got " + windowStatistics.length);
        }
        int steps = x.length;
        int half = kernel / 2;
        float[][] in = x;
        for (int l = 0; l < convT.length; l++) {
            int channels = in[0].length;
            float[][] out = new float[steps][];
            for (int t = 0; t < steps; t++) {
                float[] y = convBias[l].clone();
                for (int j = 0; j < kernel; j++) {
                    int s = t + j - half;
                    if (s >= 0 && s < steps) {
                        Matrices.accumulate(in[s], convT[l], j * channels, y);
                    }
                }
                for (int f = 0; f < y.length; f++) {
                    y[f] = Math.max(0f, y[f]);
                }
                out[t] = y;
            }
            in = out;
        }
        float[] features = new float[in[0].length + statistics];
        for (float[] row : in) {
            for (int f = 0; f < row.length; f++) {
                features[f] += row[f];
            }
        }
        for (int f = 0; f < in[0].length; f++) {
            features[f] /= steps;
        }
        System.arraycopy(windowStatistics, 0, features, in[0].length, statistics);
        return Matrices.head(features, fc1T, fc1b, fc2T, fc2b);
    }
}
