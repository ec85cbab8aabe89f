package io.formcheck.model;

import java.util.List;
import java.util.Map;

/**
 * The classifier head both networks end in, as a model file holds it: Linear(in, D), ReLU, Linear(D, C).
 *
 * <p>Header: head.hidden_size (D), head.classes (C); in is the encoder's output size, named by the
 * encoder's own entries. Tensors: fc1.weight [D, in], fc1.bias [D], fc2.weight [C, D], fc2.bias [C].
 */
public record HeadSchema(int input, int hidden, int classes) {
    /** The names of the two weight matrices, PyTorch's too (an nn.Linear named fc1, then fc2). */
    public static final String FC1_WEIGHT = "fc1.weight";

    public static final String FC2_WEIGHT = "fc2.weight";

    private static final String HIDDEN_SIZE = "head.hidden_size";
    private static final String CLASSES = "head.classes";

    public HeadSchema {
        Schemas.positive("head input size", input);
        Schemas.positive("head hidden size", hidden);
        Schemas.positive("classes", classes);
    }

    static HeadSchema read(ModelFile f, int input) throws ModelFormatException {
        return new HeadSchema(input, f.positiveIntValue(HIDDEN_SIZE), f.positiveIntValue(CLASSES));
    }

    void writeTo(Map<String, String> header) {
        header.put(HIDDEN_SIZE, String.valueOf(hidden));
        header.put(CLASSES, String.valueOf(classes));
    }

    public TensorSpec fc1Weight() {
        return new TensorSpec(FC1_WEIGHT, hidden, input);
    }

    public TensorSpec fc1Bias() {
        return new TensorSpec("fc1.bias", hidden);
    }

    public TensorSpec fc2Weight() {
        return new TensorSpec(FC2_WEIGHT, classes, hidden);
    }

    public TensorSpec fc2Bias() {
        return new TensorSpec("fc2.bias", classes);
    }

    public List<TensorSpec> tensors() {
        return List.of(fc1Weight(), fc1Bias(), fc2Weight(), fc2Bias());
    }
}
