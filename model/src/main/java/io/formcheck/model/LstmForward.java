package io.formcheck.model;

/**
 * Inference forward pass of the LSTM classifier for one sequence:
 * stacked LSTM (gate order i, f, g, o as in PyTorch), last real step, Linear-ReLU-Linear.
 *
 * <p>Shapes: x [T, in]; per layer W_ih [4H, in], W_hh [4H, H], b [4H] (b_ih + b_hh folded);
 * fc1 [D, H] + [D]; fc2 [C, D] + [C]. Weights are held transposed ([in, 4H]) so that every product is
 * a run of y += a * w[row] over contiguous memory, which the JIT vectorizes.
 */
public final class LstmForward implements SequenceNetwork {
    public static final String ARCHITECTURE = "lstm";
    public static final String INPUT_SIZE = "lstm.input_size";
    public static final String HIDDEN_SIZE = "lstm.hidden_size";
    public static final String LAYERS = "lstm.layers";
    public static final String HEAD_SIZE = "head.hidden_size";
    public static final String CLASSES = "head.classes";

    private final int inputSize;
    private final int hidden;
    private final float[][] wihT;
    private final float[][] whhT;
    private final float[][] bias;
    private final float[] fc1T;
    private final float[] fc1b;
    private final float[] fc2T;
    private final float[] fc2b;
    private final int headSize;
    private final int classes;

    private LstmForward(ModelFile f) throws ModelFormatException {
        inputSize = f.intValue(INPUT_SIZE);
        hidden = f.intValue(HIDDEN_SIZE);
        int layers = f.intValue(LAYERS);
        headSize = f.intValue(HEAD_SIZE);
        classes = f.intValue(CLASSES);
        int g = 4 * hidden;
        wihT = new float[layers][];
        whhT = new float[layers][];
        bias = new float[layers][];
        for (int l = 0; l < layers; l++) {
            int in = l == 0 ? inputSize : hidden;
            wihT[l] = transpose(f.tensor(weightIh(l), g, in).data(), g, in);
            whhT[l] = transpose(f.tensor(weightHh(l), g, hidden).data(), g, hidden);
            bias[l] = f.tensor(bias(l), g).data().clone();
        }
        fc1T = transpose(f.tensor("fc1.weight", headSize, hidden).data(), headSize, hidden);
        fc1b = f.tensor("fc1.bias", headSize).data().clone();
        fc2T = transpose(f.tensor("fc2.weight", classes, headSize).data(), classes, headSize);
        fc2b = f.tensor("fc2.bias", classes).data().clone();
    }

    public static LstmForward load(ModelFile f) throws ModelFormatException {
        return new LstmForward(f);
    }

    public static String weightIh(int layer) {
        return "lstm." + layer + ".weight_ih";
    }

    public static String weightHh(int layer) {
        return "lstm." + layer + ".weight_hh";
    }

    public static String bias(int layer) {
        return "lstm." + layer + ".bias";
    }

    @Override
    public float[] logits(float[] x, int steps) {
        int g = 4 * hidden;
        float[] in = x;
        int inSize = inputSize;
        for (int l = 0; l < wihT.length; l++) {
            float[] gates = new float[steps * g];
            for (int t = 0; t < steps; t++) {
                System.arraycopy(bias[l], 0, gates, t * g, g);
                accumulate(in, t * inSize, inSize, wihT[l], gates, t * g, g);
            }
            float[] out = new float[steps * hidden];
            float[] c = new float[hidden];
            for (int t = 0; t < steps; t++) {
                if (t > 0) {
                    accumulate(out, (t - 1) * hidden, hidden, whhT[l], gates, t * g, g);
                }
                cellStep(gates, t * g, c, out, t * hidden);
            }
            in = out;
            inSize = hidden;
        }
        float[] head = fc1b.clone();
        accumulate(in, (steps - 1) * hidden, hidden, fc1T, head, 0, headSize);
        for (int j = 0; j < headSize; j++) {
            head[j] = Math.max(0f, head[j]);
        }
        float[] logits = fc2b.clone();
        accumulate(head, 0, headSize, fc2T, logits, 0, classes);
        return logits;
    }

    /** gates[yOff, yOff+n) += a[aOff, aOff+k) . w, where w is [k, n]. */
    private static void accumulate(float[] a, int aOff, int k, float[] w, float[] y, int yOff, int n) {
        int i = 0;
        for (; i + 3 < k; i += 4) {
            float a0 = a[aOff + i], a1 = a[aOff + i + 1], a2 = a[aOff + i + 2], a3 = a[aOff + i + 3];
            int w0 = i * n, w1 = w0 + n, w2 = w1 + n, w3 = w2 + n;
            for (int j = 0; j < n; j++) {
                y[yOff + j] += a0 * w[w0 + j] + a1 * w[w1 + j] + a2 * w[w2 + j] + a3 * w[w3 + j];
            }
        }
        for (; i < k; i++) {
            float ai = a[aOff + i];
            int wi = i * n;
            for (int j = 0; j < n; j++) {
                y[yOff + j] += ai * w[wi + j];
            }
        }
    }

    /** One LSTM cell update from pre-activation gates [i f g o]; c is updated in place, h written to out. */
    private void cellStep(float[] gates, int gOff, float[] c, float[] out, int hOff) {
        int h = hidden;
        for (int j = 0; j < h; j++) {
            float i = Activations.sigmoid(gates[gOff + j]);
            float f = Activations.sigmoid(gates[gOff + h + j]);
            float gg = Activations.tanh(gates[gOff + 2 * h + j]);
            float o = Activations.sigmoid(gates[gOff + 3 * h + j]);
            c[j] = f * c[j] + i * gg;
            out[hOff + j] = o * Activations.tanh(c[j]);
        }
    }

    private static float[] transpose(float[] w, int rows, int cols) {
        float[] t = new float[w.length];
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                t[c * rows + r] = w[r * cols + c];
            }
        }
        return t;
    }
}
