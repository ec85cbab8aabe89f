package io.formcheck.trainer.torch;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.formcheck.model.ExerciseClass;
import io.formcheck.model.Features;
import io.formcheck.model.HeadSchema;
import io.formcheck.model.LstmSchema;
import io.formcheck.model.ModelFile;
import io.formcheck.model.Standardization;
import io.formcheck.model.Tensor;
import io.formcheck.model.TensorSpec;
import io.formcheck.trainer.data.DataException;
import io.formcheck.trainer.train.ExportedModel;
import io.formcheck.trainer.train.ModelExport;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * A PyTorch LSTM classifier (the seed's: nn.LSTM, then Linear, ReLU, Linear) whose state dict was
 * exported as JSON, turned into our {@link LstmSchema} layout.
 *
 * <p>The JSON is the layout of {@code ../shared/reference/lstm-libtorch.json}: an object whose
 * "parameters" maps each state dict name to {"shape": [...], "value": [...]} (row-major floats; other
 * members such as "grad" are ignored). PyTorch's names and shapes: lstm.weight_ih_l{l} [4H, in_l],
 * lstm.weight_hh_l{l} [4H, H], lstm.bias_ih_l{l} and lstm.bias_hh_l{l} [4H] (gate rows i, f, g, o, as
 * ours), fc1.weight [D, H], fc1.bias [D], fc2.weight [C, D], fc2.bias [C]. Sizes and the number of
 * layers follow from the shapes. Optional members: "input_size", "hidden_size", "layers",
 * "head_size", "classes" (must agree with the shapes); "features" (the input names, in order; default:
 * the 52 WLE features when the LSTM reads 52 inputs); "labels" (default: the WLE classes A to E when
 * there are 5); "pooling" ("last", the seed's readout and the default, or "mean"); "input_mean" and
 * "input_std" (per-feature statistics the network's inputs were standardized with; both or neither,
 * and without them the readings go in raw, as the seed notebook trained).
 */
public final class TorchLstm {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** One of our tensors and the PyTorch parameters whose sum it is: a layer's two biases fold into one. */
    public record Mapping(TensorSpec ours, List<String> torch) {}

    /** The classifier read from a state dict, ready for a model file. */
    public record Imported(
            LstmSchema schema,
            List<Tensor> tensors,
            List<String> features,
            List<String> labels,
            Standardization standardization,
            boolean statisticsGiven) {

        /** The model file, with extra header entries (name, version, provenance) as given. */
        public ModelFile toModelFile(Map<String, String> extra) {
            return ModelExport.toModelFile(
                    new ExportedModel(schema.header(), tensors), features, labels, standardization, extra);
        }
    }

    private TorchLstm() {}

    /** Every tensor of our schema and the PyTorch parameters it comes from. */
    public static List<Mapping> mappings(LstmSchema schema) {
        List<Mapping> all = new ArrayList<>();
        for (int l = 0; l < schema.layers(); l++) {
            all.add(new Mapping(schema.weightIh(l), List.of(lstm("weight_ih", l))));
            all.add(new Mapping(schema.weightHh(l), List.of(lstm("weight_hh", l))));
            all.add(new Mapping(schema.bias(l), List.of(lstm("bias_ih", l), lstm("bias_hh", l))));
        }
        for (TensorSpec head : schema.head().tensors()) {
            all.add(new Mapping(head, List.of(head.name())));
        }
        return all;
    }

    /** PyTorch's name of an nn.LSTM named lstm's parameter of one layer. */
    private static String lstm(String parameter, int layer) {
        return "lstm." + parameter + "_l" + layer;
    }

    public static Imported read(Path json) throws DataException {
        JsonNode root;
        try {
            root = JSON.readTree(Files.readAllBytes(json));
        } catch (JsonProcessingException e) {
            throw new DataException(json + " is not valid JSON: " + e.getOriginalMessage() + " (line "
                    + e.getLocation().getLineNr() + ", column "
                    + e.getLocation().getColumnNr() + ")");
        } catch (IOException e) {
            throw new DataException("cannot read " + json + ": " + e, e);
        }
        try {
            return parse(root);
        } catch (DataException e) {
            throw new DataException(json + ": " + e.getMessage(), e);
        }
    }

    static Imported parse(JsonNode root) throws DataException {
        if (root == null || !root.isObject() || !root.path("parameters").isObject()) {
            throw new DataException(
                    "expected an object with \"parameters\": {name: {\"shape\": [...], \"value\": [...]}}");
        }
        Map<String, Tensor> torch = parameters(root.get("parameters"));
        int[] ih0 = shapeOf(torch, lstm("weight_ih", 0));
        if (ih0.length != 2 || ih0[0] % 4 != 0) {
            throw new DataException(
                    lstm("weight_ih", 0) + " has shape " + Arrays.toString(ih0) + ", expected [4H, input]");
        }
        int layers = 0;
        while (torch.containsKey(lstm("weight_ih", layers))) {
            layers++;
        }
        LstmSchema schema = new LstmSchema(
                declared(root, "input_size", ih0[1]),
                declared(root, "hidden_size", ih0[0] / 4),
                declared(root, "layers", layers),
                pooling(root),
                declared(root, "head_size", shapeOf(torch, HeadSchema.FC1_WEIGHT)[0]),
                declared(root, "classes", shapeOf(torch, HeadSchema.FC2_WEIGHT)[0]));

        List<Mapping> mappings = mappings(schema);
        Set<String> expected = new TreeSet<>();
        mappings.forEach(m -> expected.addAll(m.torch()));
        for (String name : torch.keySet()) {
            if (!expected.contains(name)) {
                throw new DataException("unexpected parameter '" + name + "': a " + schema.layers()
                        + "-layer unidirectional LSTM and its Linear-ReLU-Linear head have exactly " + expected);
            }
        }
        List<Tensor> tensors = new ArrayList<>();
        for (Mapping m : mappings) {
            float[] sum = new float[m.ours().size()];
            for (String name : m.torch()) {
                Tensor t = torch.get(name);
                if (t == null) {
                    throw new DataException("lacks the parameter '" + name + "'");
                }
                if (!Arrays.equals(t.shape(), m.ours().shape())) {
                    throw new DataException("parameter '" + name + "' has shape " + t.shapeText() + ", expected "
                            + Arrays.toString(m.ours().shape()));
                }
                for (int i = 0; i < sum.length; i++) {
                    sum[i] += t.data()[i];
                }
            }
            tensors.add(m.ours().of(sum));
        }
        int inputs = schema.inputSize();
        List<String> features = names(root, "features", inputs, Features.NAMES, "the 52 WLE features");
        List<String> labels = names(root, "labels", schema.classes(), ExerciseClass.labels(), "the WLE classes A to E");
        boolean given = root.has("input_mean");
        if (given != root.has("input_std")) {
            throw new DataException("give both \"input_mean\" and \"input_std\", or neither");
        }
        Standardization standardization = given
                ? new Standardization(
                        floats(root.get("input_mean"), "input_mean", inputs, false),
                        floats(root.get("input_std"), "input_std", inputs, true))
                : new Standardization(new float[inputs], filled(inputs, 1f));
        return new Imported(schema, tensors, features, labels, standardization, given);
    }

    private static Map<String, Tensor> parameters(JsonNode parameters) throws DataException {
        Map<String, Tensor> out = new LinkedHashMap<>();
        Iterator<Map.Entry<String, JsonNode>> fields = parameters.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> p = fields.next();
            String name = p.getKey();
            JsonNode shapeNode = p.getValue().path("shape");
            if (!shapeNode.isArray() || shapeNode.isEmpty()) {
                throw new DataException("parameter '" + name + "' has no \"shape\" list");
            }
            int[] shape = new int[shapeNode.size()];
            long size = 1;
            for (int d = 0; d < shape.length; d++) {
                JsonNode dim = shapeNode.get(d);
                if (!dim.canConvertToInt() || !dim.isIntegralNumber() || dim.intValue() <= 0) {
                    throw new DataException("parameter '" + name + "' has shape " + shapeNode + "; "
                            + "dimensions are positive whole numbers");
                }
                shape[d] = dim.intValue();
                size *= shape[d];
            }
            if (size > Integer.MAX_VALUE) {
                throw new DataException("parameter '" + name + "' has shape " + shapeNode + ", too large");
            }
            float[] values =
                    floats(p.getValue().get("value"), "the \"value\" of parameter '" + name + "'", (int) size, false);
            out.put(name, new Tensor(name, shape, values));
        }
        return out;
    }

    private static int[] shapeOf(Map<String, Tensor> torch, String name) throws DataException {
        Tensor t = torch.get(name);
        if (t == null) {
            throw new DataException("lacks the parameter '" + name + "'");
        }
        return t.shape();
    }

    /** The size the shapes give, which a member of that name, where present, must repeat. */
    private static int declared(JsonNode root, String member, int fromShapes) throws DataException {
        JsonNode n = root.get(member);
        if (n != null && !(n.isIntegralNumber() && n.canConvertToInt() && n.intValue() == fromShapes)) {
            throw new DataException("\"" + member + "\" is " + n + " but the parameters' shapes give " + fromShapes);
        }
        return fromShapes;
    }

    private static LstmSchema.Pooling pooling(JsonNode root) throws DataException {
        JsonNode n = root.get("pooling");
        if (n == null) {
            return LstmSchema.Pooling.LAST;
        }
        for (LstmSchema.Pooling p : LstmSchema.Pooling.values()) {
            if (n.isTextual() && p.name().toLowerCase(Locale.ROOT).equals(n.textValue())) {
                return p;
            }
        }
        throw new DataException("\"pooling\" is " + n + "; expected \"last\" or \"mean\"");
    }

    /** A list of count distinct names; where the member is absent, the defaults if there are count of them. */
    private static List<String> names(JsonNode root, String member, int count, List<String> defaults, String what)
            throws DataException {
        JsonNode n = root.get(member);
        if (n == null) {
            if (defaults.size() != count) {
                throw new DataException("give \"" + member + "\": " + count + " names in order (the default, " + what
                        + ", is for " + defaults.size() + ")");
            }
            return defaults;
        }
        if (!n.isArray() || n.size() != count) {
            throw new DataException("\"" + member + "\" must be a list of " + count + " names");
        }
        List<String> names = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (JsonNode name : n) {
            String s = name.isTextual() ? name.textValue() : "";
            if (!s.matches("[^,=\\s]+") || !seen.add(s)) {
                throw new DataException("\"" + member + "\" holds " + name
                        + ": names are distinct, not empty, without spaces, commas or '='");
            }
            names.add(s);
        }
        return List.copyOf(names);
    }

    private static float[] floats(JsonNode n, String what, int count, boolean positive) throws DataException {
        if (n == null || !n.isArray() || n.size() != count) {
            throw new DataException(what + " must be a list of " + count + " numbers");
        }
        float[] out = new float[count];
        for (int i = 0; i < count; i++) {
            JsonNode v = n.get(i);
            out[i] = (float) v.doubleValue();
            if (!v.isNumber() || !Float.isFinite(out[i]) || (positive && !(out[i] > 0f))) {
                throw new DataException(what + " holds " + v + " at " + i + "; expected a finite"
                        + (positive ? " positive" : "") + " number");
            }
        }
        return out;
    }

    private static float[] filled(int n, float v) {
        float[] a = new float[n];
        Arrays.fill(a, v);
        return a;
    }
}
