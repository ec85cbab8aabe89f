package io.formcheck.model;

/**
 * Inference forward pass of the LSTM classifier for one sequence:
 * stacked LSTM (gate order i, f, g, o as in PyTorch), last real step, Linear-ReLU-Linear.
 *
 * <p>Shapes: x [T, in]; per layer W_ih [4H, in], W_hh [4H, H], b [4H] (b_ih + b_hh folded);
 * fc1 [D, H] + [D]; fc2 [C, D] + [C]. Weights are held transposed, one array per input unit
 * ([in][4H]), so every product is y += a * row over whole arrays from index 0: the shape the JIT
 * vectorizes (an offset into one flat array made it fall back to scalar code, 6x slower).
 */
public final class LstmForward implements SequenceNetwork {
    public static final String ARCHITECTURE = "lstm";
    public static final String INPUT_SIZE = "lstm.input_size";
    public static final String HIDDEN_SIZE = "lstm.hidden_size";
    public static final String LAYERS = "lstm.layers";
    public static final String HEAD_SIZE = "head.hidden_size";
    public static final String CLASSES = "head.classes";

    private final int hidden;
    private final float[][][] wihT;
    private final float[][][] whhT;
    private final float[][] bias;
    private final float[][] fc1T;
    private final float[] fc1b;
    private final float[][] fc2T;
    private final float[] fc2b;

    private LstmForward(ModelFile f) throws ModelFormatException {
        int inputSize = f.intValue(INPUT_SIZE);
        hidden = f.intValue(HIDDEN_SIZE);
        int layers = f.intValue(LAYERS);
        int headSize = f.intValue(HEAD_SIZE);
        int classes = f.intValue(CLASSES);
        int g = 4 * hidden;
        wihT = new float[layers][][];
        whhT = new float[layers][][];
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
                    accumulate(out[t - 1], whhT[l], gates[t]);
                }
                out[t] = cellStep(gates[t], c);
            }
            in = out;
        }
        float[] head = fc1b.clone();
        accumulate(in[steps - 1], fc1T, head);
        for (int j = 0; j < head.length; j++) {
            head[j] = Math.max(0f, head[j]);
        }
        float[] logits = fc2b.clone();
        accumulate(head, fc2T, logits);
        return logits;
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

    /** y += a . w, where w holds one row per element of a. */
    private static void accumulate(float[] a, float[][] w, float[] y) {
        int n = y.length;
        int k = 0;
        for (; k + 3 < a.length; k += 4) {
            float a0 = a[k], a1 = a[k + 1], a2 = a[k + 2], a3 = a[k + 3];
            float[] w0 = w[k], w1 = w[k + 1], w2 = w[k + 2], w3 = w[k + 3];
            for (int j = 0; j < n; j++) {
                y[j] += a0 * w0[j] + a1 * w1[j] + a2 * w2[j] + a3 * w3[j];
            }
        }
        for (; k < a.length; k++) {
            float ak = a[k];
            float[] wk = w[k];
            for (int j = 0; j < n; j++) {
                y[j] += ak * wk[j];
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

    /** w [rows, cols] row-major to [cols][rows]. */
    private static float[][] transpose(float[] w, int rows, int cols) {
        float[][] t = new float[cols][rows];
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                t[c][r] = w[r * cols + c];
            }
        }
        return t;
    }
}
