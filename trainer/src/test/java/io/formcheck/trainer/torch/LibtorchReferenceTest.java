package io.formcheck.trainer.torch;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.formcheck.model.LstmSchema;
import io.formcheck.model.ModelFile;
import io.formcheck.model.SequenceNetwork;
import io.formcheck.model.Tensor;
import io.formcheck.trainer.nn.ClassifierNet;
import io.formcheck.trainer.nn.LstmClassifierNet;
import io.formcheck.trainer.nn.Mode;
import io.formcheck.trainer.nn.PackedBatch;
import io.formcheck.trainer.nn.Parameter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Our LSTM against libtorch's: PyTorch's parameters loaded through the import, then the logits, the
 * loss and the gradient of every parameter and of the input, within 1e-5. This checks what a
 * finite-difference check cannot: gate order, the folded biases, the readout at each sequence's last
 * real step, the loss averaged over the batch.
 */
class LibtorchReferenceTest {
    static final float TOLERANCE = 1e-5f;

    LibtorchReference ref;
    TorchLstm.Imported imported;

    @BeforeEach
    void load() throws Exception {
        Path file = LibtorchReference.file();
        assumeTrue(file != null, LibtorchReference.SKIP_MESSAGE);
        ref = LibtorchReference.load(file);
        imported = TorchLstm.parse(ref.stateDict());
    }

    @Test
    void theTrainersLstmReproducesLogitsLossAndEveryGradient() {
        LstmSchema s = imported.schema();
        assertEquals(new LstmSchema(5, 4, 2, LstmSchema.Pooling.LAST, 3, 5), s);
        LstmClassifierNet net = new LstmClassifierNet(
                new LstmClassifierNet.Shape(s.inputSize(), s.hiddenSize(), s.layers(), s.headSize(), s.classes(), 0f));
        Map<String, Tensor> tensors =
                imported.tensors().stream().collect(Collectors.toMap(Tensor::name, Function.identity()));
        for (Parameter p : net.parameters()) {
            assertArrayEquals(tensors.get(p.name).shape(), p.shape, p.name);
            System.arraycopy(tensors.get(p.name).data(), 0, p.value, 0, p.size());
            p.zeroGrad();
        }
        int[] lengths = ref.lengths();
        List<float[]> sequences = new ArrayList<>();
        for (int b = 0; b < lengths.length; b++) {
            sequences.add(flatten(ref.sequence(b)));
        }
        PackedBatch batch = PackedBatch.of(sequences, ref.targets(), s.inputSize());
        ClassifierNet.Workspace ws = net.workspaceWithInputGradient(batch.size, batch.rows);

        float loss = net.forwardBackward(batch, ws, Mode.EVAL, batch.size);

        int c = s.classes();
        for (int b = 0; b < batch.size; b++) {
            float[] ours = new float[c];
            System.arraycopy(ws.head().logits, b * c, ours, 0, c);
            assertArrayEquals(ref.logits(batch.order[b]), ours, TOLERANCE, "logits of sequence " + batch.order[b]);
        }
        assertEquals(ref.json.get("loss").floatValue(), loss, TOLERANCE, "loss");
        Map<String, Parameter> ours = new HashMap<>();
        net.parameters().forEach(p -> ours.put(p.name, p));
        int compared = 0;
        for (TorchLstm.Mapping m : TorchLstm.mappings(s)) {
            // a folded bias's gradient is the gradient of each of PyTorch's two
            for (String torchName : m.torch()) {
                assertArrayEquals(
                        ref.grad(torchName), ours.get(m.ours().name()).grad, TOLERANCE, "gradient of " + torchName);
                compared++;
            }
        }
        assertEquals(ref.json.get("parameters").size(), compared, "every PyTorch parameter's gradient");
        float[] dX = ws.inputGradient();
        for (int b = 0; b < batch.size; b++) {
            int seq = batch.order[b];
            for (int t = 0; t < ref.json.get("x_shape").get(1).intValue(); t++) {
                for (int j = 0; j < s.inputSize(); j++) {
                    float expected = ref.gradX(seq, t, j);
                    float actual = t < lengths[seq] ? dX[(batch.offset[t] + b) * s.inputSize() + j] : 0f;
                    assertEquals(expected, actual, TOLERANCE, "gradient of x[" + seq + "][" + t + "][" + j + "]");
                }
            }
        }
    }

    @Test
    void theModelModulesForwardReproducesTheLogits() throws Exception {
        ModelFile file = ModelFile.parse(imported.toModelFile(Map.of()).toBytes());
        SequenceNetwork forward = SequenceNetwork.load(file);
        for (int b = 0; b < ref.lengths().length; b++) {
            assertArrayEquals(ref.logits(b), forward.logits(ref.sequence(b)), TOLERANCE, "logits of sequence " + b);
        }
    }

    static float[] flatten(float[][] rows) {
        float[] flat = new float[rows.length * rows[0].length];
        for (int t = 0; t < rows.length; t++) {
            System.arraycopy(rows[t], 0, flat, t * rows[t].length, rows[t].length);
        }
        return flat;
    }
}
