package io.formcheck.model;

/**
 * Inference forward pass of the LSTM classifier for one sequence: stacked LSTM (gate order i, f,
 * g, o as in PyTorch), the last step (or the mean of all steps), Linear-ReLU-Linear.
 *
 * <p>Shapes: x [T, in]; per layer W_ih [4H, in], W_hh [4H, H], b [4H] (b_ih + b_hh folded);
 * fc1 [D, H] + [D]; fc2 [C, D] + [C] (names and header: {@link LstmSchema}). Weights are held
 * transposed (see {@link Matrices}).
 */
public final class LstmForward implements SequenceNetwork {
    private final int hidden;
    private final boolean meanPooling;
    private final float[][][] wihT;
    private final float[][][] whhT;
    private final float[][] bias;
    private final float[][] fc1T;
    private final float[] fc1b;
    private final float[][] fc2T;
    private final float[] fc2b;

    private LstmForward(ModelFile f) throws ModelFormatException {
        LstmSchema schema = LstmSchema.read(f);
        hidden = schema.hiddenSize();
        meanPooling = schema.pooling() == LstmSchema.Pooling.MEAN;
        wihT = new float[schema.layers()][][];
        whhT = new float[schema.layers()][][];
        bias = new float[schema.layers()][];
        for (int l = 0; l < schema.layers(); l++) {
            wihT[l] = Matrices.transpose(f.tensor(schema.weightIh(l)));
            whhT[l] = Matrices.transpose(f.tensor(schema.weightHh(l)));
            bias[l] = f.tensor(schema.bias(l)).data().clone();
        }
        HeadSchema head = schema.head();
        fc1T = Matrices.transpose(f.tensor(head.fc1Weight()));
        fc1b = f.tensor(head.fc1Bias()).data().clone();
        fc2T = Matrices.transpose(f.tensor(head.fc2Weight()));
        fc2b = f.tensor(head.fc2Bias()).data().clone();
    }

    public static LstmForward load(ModelFile f) throws ModelFormatException {
        return new LstmForward(f);
    }

    @Override
    public float[] logits(float[][] x) {
        int steps = x.length;
        float[][] in = x;
        for (int l = 0; l < wihT.length; l++) {
            float[][] gates = new float[steps][];
            for (int t = 0; t < steps; t++) {
                gates[t] = bias[l].clone();
            }
            inputProjection(in, wihT[l], gates);
            float[][] out = new float[steps][];
            float[] c = new float[hidden];
            for (int t = 0; t < steps; t++) {
                if (t > 0) {
                    Matrices.accumulate(out[t - 1], whhT[l], 0, gates[t]);
                }
                out[t] = cellStep(gates[t], c);
            }
            in = out;
        }
        return Matrices.head(meanPooling ? mean(in) : in[steps - 1], fc1T, fc1b, fc2T, fc2b);
    }

    private static float[] mean(float[][] rows) {
        float[] m = new float[rows[0].length];
        for (float[] row : rows) {
            for (int j = 0; j < m.length; j++) {
                m[j] += row[j];
            }
        }
        for (int j = 0; j < m.length; j++) {
            m[j] /= rows.length;
        }
        return m;
    }

    /**
     * gates[t] += x[t] . w for every step at once, four weight rows at a time, so each row is fetched
     * from memory once per sequence rather than once per step.
     */
    private static void inputProjection(float[][] x, float[][] w, float[][] gates) {
        int n = gates[0].length;
        int k = 0;
        for (; k + 3 < w.length; k += 4) {
            float[] w0 = w[k], w1 = w[k + 1], w2 = w[k + 2], w3 = w[k + 3];
            for (int t = 0; t < x.length; t++) {
                float a0 = x[t][k], a1 = x[t][k + 1], a2 = x[t][k + 2], a3 = x[t][k + 3];
                float[] y = gates[t];
                for (int j = 0; j < n; j++) {
                    y[j] += a0 * w0[j] + a1 * w1[j] + a2 * w2[j] + a3 * w3[j];
                }
            }
        }
        for (; k < w.length; k++) {
            float[] wk = w[k];
            for (int t = 0; t < x.length; t++) {
                float a = x[t][k];
                float[] y = gates[t];
                for (int j = 0; j < n; j++) {
                    y[j] += a * wk[j];
                }
            }
        }
    }

    /** One LSTM cell update from pre-activation gates [i f g o] (activated in place); updates c, returns h. */
    private float[] cellStep(float[] gates, float[] c) {
        int h = hidden;
        Activations.sigmoid(gates, 0, 2 * h);
        Activations.tanh(gates, gates, 2 * h, 3 * h);
        Activations.sigmoid(gates, 3 * h, 4 * h);
        float[] out = new float[h];
        for (int j = 0; j < h; j++) {
            c[j] = gates[h + j] * c[j] + gates[j] * gates[2 * h + j];
            out[j] = gates[3 * h + j] * Activations.tanh(c[j]);
        }
        return out;
    }
}
