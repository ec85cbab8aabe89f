package io.formcheck.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The 1D-CNN classifier in a model file: what the trainer writes and {@link CnnForward} reads.
 *
 * <p>Header: architecture=cnn, cnn.input_size, cnn.filters (F), cnn.kernel (K, odd), cnn.layers, then
 * the {@link HeadSchema head}'s with in = F + S, S the window statistics the head reads after the pooled
 * features ({@link StatisticsInput} names their entries and tensors; S = 0 without them). Tensors of layer
 * l: conv.l.weight [F, K*in_l] tap-major (column j*in + c weighs channel c of the reading at offset
 * j - K/2; in_0 = input size, else F), conv.l.bias [F]. Then the head's.
 */
public record CnnSchema(int inputSize, int filters, int kernel, int layers, int statistics, int headSize, int classes) {
    /** A CNN whose head reads only its pooled features. */
    public CnnSchema(int inputSize, int filters, int kernel, int layers, int headSize, int classes) {
        this(inputSize, filters, kernel, layers, 0, headSize, classes);
    }

    public static final String ARCHITECTURE = "cnn";
    private static final String INPUT_SIZE = "cnn.input_size";
    private static final String FILTERS = "cnn.filters";
    private static final String KERNEL = "cnn.kernel";
    private static final String LAYERS = "cnn.layers";

    public CnnSchema {
        Schemas.positive("CNN input size", inputSize);
        Schemas.positive("CNN filters", filters);
        Schemas.positive("CNN layers", layers);
        if (statistics < 0) {
            throw new IllegalArgumentException("window statistics must not be negative, got " + statistics);
        }
        Schemas.positive("head hidden size", headSize);
        Schemas.positive("classes", classes);
        if (kernel <= 0 || kernel % 2 == 0) {
            throw new IllegalArgumentException("kernel size must be a positive odd number, got " + kernel);
        }
    }

    public static CnnSchema read(ModelFile f) throws ModelFormatException {
        int kernel = f.positiveIntValue(KERNEL);
        if (kernel % 2 == 0) {
            throw new ModelFormatException(
                    "header entry '" + KERNEL + "' is " + kernel + "; 'same' padding needs it odd");
        }
        int filters = f.positiveIntValue(FILTERS);
        int statistics = StatisticsInput.size(f);
        HeadSchema head = HeadSchema.read(f, filters + statistics);
        return new CnnSchema(
                f.positiveIntValue(INPUT_SIZE),
                filters,
                kernel,
                f.positiveIntValue(LAYERS),
                statistics,
                head.hidden(),
                head.classes());
    }

    /** The header entries, architecture included. */
    public Map<String, String> header() {
        Map<String, String> m = new TreeMap<>();
        m.put(ModelFile.ARCHITECTURE, ARCHITECTURE);
        m.put(INPUT_SIZE, String.valueOf(inputSize));
        m.put(FILTERS, String.valueOf(filters));
        m.put(KERNEL, String.valueOf(kernel));
        m.put(LAYERS, String.valueOf(layers));
        head().writeTo(m);
        return m;
    }

    public HeadSchema head() {
        return new HeadSchema(filters + statistics, headSize, classes);
    }

    public int layerInput(int layer) {
        return layer == 0 ? inputSize : filters;
    }

    public TensorSpec weight(int layer) {
        return new TensorSpec("conv." + layer + ".weight", filters, kernel * layerInput(layer));
    }

    public TensorSpec bias(int layer) {
        return new TensorSpec("conv." + layer + ".bias", filters);
    }

    /** Every tensor, in the order the trainer lists its parameters. */
    public List<TensorSpec> tensors() {
        List<TensorSpec> all = new ArrayList<>();
        for (int l = 0; l < layers; l++) {
            all.addAll(List.of(weight(l), bias(l)));
        }
        all.addAll(head().tensors());
        return all;
    }
}
