package io.formcheck.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The LSTM classifier in a model file: what the trainer writes and {@link LstmForward} reads.
 *
 * <p>Header: architecture=lstm, lstm.input_size, lstm.hidden_size (H), lstm.layers, lstm.pooling
 * (last or mean; absent means last), then the {@link HeadSchema head}'s with in = H. Tensors of layer
 * l: lstm.l.weight_ih [4H, in_l] (in_0 = input size, else H), lstm.l.weight_hh [4H, H], lstm.l.bias
 * [4H]; rows in PyTorch's gate order i, f, g, o, and the bias is PyTorch's b_ih + b_hh. Then the head's.
 */
public record LstmSchema(int inputSize, int hiddenSize, int layers, Pooling pooling, int headSize, int classes) {
    public static final String ARCHITECTURE = "lstm";
    private static final String INPUT_SIZE = "lstm.input_size";
    private static final String HIDDEN_SIZE = "lstm.hidden_size";
    private static final String LAYERS = "lstm.layers";
    private static final String POOLING = "lstm.pooling";

    /** What the head reads of the top layer's outputs: the last step (the seed's) or the mean of all steps. */
    public enum Pooling {
        LAST,
        MEAN;

        String headerValue() {
            return name().toLowerCase(Locale.ROOT);
        }

        /** As the command line and the header spell it. */
        @Override
        public String toString() {
            return headerValue();
        }
    }

    public LstmSchema {
        Schemas.positive("LSTM input size", inputSize);
        Schemas.positive("LSTM hidden size", hiddenSize);
        Schemas.positive("LSTM layers", layers);
        Schemas.positive("head hidden size", headSize);
        Schemas.positive("classes", classes);
    }

    public static LstmSchema read(ModelFile f) throws ModelFormatException {
        String pooling = f.header().getOrDefault(POOLING, Pooling.LAST.headerValue());
        Pooling readout = null;
        for (Pooling p : Pooling.values()) {
            if (p.headerValue().equals(pooling)) {
                readout = p;
            }
        }
        if (readout == null) {
            throw new ModelFormatException(
                    "header entry '" + POOLING + "' is '" + pooling + "', expected last or mean");
        }
        int hidden = f.positiveIntValue(HIDDEN_SIZE);
        HeadSchema head = HeadSchema.read(f, hidden);
        return new LstmSchema(
                f.positiveIntValue(INPUT_SIZE),
                hidden,
                f.positiveIntValue(LAYERS),
                readout,
                head.hidden(),
                head.classes());
    }

    /** The header entries, architecture included. */
    public Map<String, String> header() {
        Map<String, String> m = new TreeMap<>();
        m.put(ModelFile.ARCHITECTURE, ARCHITECTURE);
        m.put(INPUT_SIZE, String.valueOf(inputSize));
        m.put(HIDDEN_SIZE, String.valueOf(hiddenSize));
        m.put(LAYERS, String.valueOf(layers));
        m.put(POOLING, pooling.headerValue());
        head().writeTo(m);
        return m;
    }

    public HeadSchema head() {
        return new HeadSchema(hiddenSize, headSize, classes);
    }

    /** The input size of layer l: the readings' for the first, the layer below's hidden size for the others. */
    public int layerInput(int layer) {
        return layer == 0 ? inputSize : hiddenSize;
    }

    public TensorSpec weightIh(int layer) {
        return new TensorSpec("lstm." + layer + ".weight_ih", 4 * hiddenSize, layerInput(layer));
    }

    public TensorSpec weightHh(int layer) {
        return new TensorSpec("lstm." + layer + ".weight_hh", 4 * hiddenSize, hiddenSize);
    }

    public TensorSpec bias(int layer) {
        return new TensorSpec("lstm." + layer + ".bias", 4 * hiddenSize);
    }

    /** Every tensor, in the order the trainer lists its parameters. */
    public List<TensorSpec> tensors() {
        List<TensorSpec> all = new ArrayList<>();
        for (int l = 0; l < layers; l++) {
            all.addAll(List.of(weightIh(l), weightHh(l), bias(l)));
        }
        all.addAll(head().tensors());
        return all;
    }
}
