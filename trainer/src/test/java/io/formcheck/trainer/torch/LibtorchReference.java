package io.formcheck.trainer.torch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.formcheck.trainer.report.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The libtorch reference (../shared/reference/lstm-libtorch.json, see its README): a small LSTM and
 * head, its input, logits, loss and gradients. Tests find it under -Dformcheck.reference.dir, else
 * ../shared/reference, and skip where it is absent.
 */
public final class LibtorchReference {
    public static final String SKIP_MESSAGE =
            "libtorch reference not found: set -Dformcheck.reference.dir to the " + "folder holding lstm-libtorch.json";

    /** Names for the reference's 5 inputs: the import needs them for any input size but the WLE 52. */
    public static final List<String> FEATURES = List.of("f0", "f1", "f2", "f3", "f4");

    public final JsonNode json;

    private LibtorchReference(JsonNode json) {
        this.json = json;
    }

    /** The reference file, or null where it is absent. */
    public static Path file() {
        Path file =
                Path.of(System.getProperty("formcheck.reference.dir", "../../shared/reference"), "lstm-libtorch.json");
        return Files.isRegularFile(file) ? file : null;
    }

    public static LibtorchReference load(Path file) throws IOException {
        return new LibtorchReference(Json.mapper().readTree(file.toFile()));
    }

    /** The reference's JSON with its inputs named, as a state dict to import. */
    public ObjectNode stateDict() {
        ObjectNode copy = json.deepCopy();
        FEATURES.forEach(copy.putArray("features")::add);
        return copy;
    }

    public int inputs() {
        return json.get("input_size").intValue();
    }

    public int classes() {
        return json.get("classes").intValue();
    }

    public int[] lengths() {
        return ints(json.get("lengths"));
    }

    public int[] targets() {
        return ints(json.get("targets"));
    }

    /** x of sequence b, its real steps only: [length, in]. */
    public float[][] sequence(int b) {
        int steps = json.get("x_shape").get(1).intValue();
        float[] x = floats(json.get("x"));
        float[][] rows = new float[lengths()[b]][inputs()];
        for (int t = 0; t < rows.length; t++) {
            for (int j = 0; j < inputs(); j++) {
                rows[t][j] = x[(b * steps + t) * inputs() + j];
            }
        }
        return rows;
    }

    /** The gradient of the loss w.r.t. x[b][t][j] (zero-padded steps included). */
    public float gradX(int b, int t, int j) {
        int steps = json.get("x_shape").get(1).intValue();
        return json.get("grad_x").get((b * steps + t) * inputs() + j).floatValue();
    }

    /** The logits of sequence b. */
    public float[] logits(int b) {
        float[] all = floats(json.get("logits"));
        float[] row = new float[classes()];
        System.arraycopy(all, b * classes(), row, 0, classes());
        return row;
    }

    public float[] grad(String torchParameter) {
        return floats(json.get("parameters").get(torchParameter).get("grad"));
    }

    static float[] floats(JsonNode array) {
        float[] out = new float[array.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = array.get(i).floatValue();
        }
        return out;
    }

    private static int[] ints(JsonNode array) {
        int[] out = new int[array.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = array.get(i).intValue();
        }
        return out;
    }
}
