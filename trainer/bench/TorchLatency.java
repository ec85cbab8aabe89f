import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.Random;
import org.bytedeco.javacpp.PointerScope;
import org.bytedeco.pytorch.DropoutImpl;
import org.bytedeco.pytorch.GradMode;
import org.bytedeco.pytorch.LSTMImpl;
import org.bytedeco.pytorch.LSTMOptions;
import org.bytedeco.pytorch.LinearImpl;
import org.bytedeco.pytorch.LongOptional;
import org.bytedeco.pytorch.Module;
import org.bytedeco.pytorch.Tensor;
import org.bytedeco.pytorch.global.torch;

/**
 * libtorch's inference time for the seed LSTM at any sequence length, the same network and timing as
 * the anchor's inference benchmark (forward and argmax, eval, no grad, oneDNN LSTM), which times only
 * 23-reading sequences at batch 1. Run by bench-vs-torch.sh with the anchor's classpath:
 * java -cp CLASSPATH TorchLatency.java LENGTH CALLS OUT.json
 * Timing does not depend on the weights, so they keep libtorch's init; the inputs are N(0, 1), as
 * standardized readings are.
 */
public final class TorchLatency {
    static final class Net extends Module {
        final LSTMImpl lstm;
        final LinearImpl fc1;
        final DropoutImpl drop;
        final LinearImpl fc2;

        Net() {
            LSTMOptions o = new LSTMOptions(52, 128);
            o.num_layers().put(2);
            o.batch_first().put(true);
            o.dropout().put(0.5);
            lstm = register_module("lstm", new LSTMImpl(o));
            fc1 = register_module("fc1", new LinearImpl(128, 64));
            drop = register_module("drop", new DropoutImpl(0.5));
            fc2 = register_module("fc2", new LinearImpl(64, 5));
        }

        Tensor forward(Tensor x, Tensor flatLast) {
            Tensor out = lstm.forward(x).get0();
            long b = out.size(0), t = out.size(1);
            Tensor last = out.reshape(b * t, 128).index_select(0, flatLast);
            return fc2.forward(drop.forward(torch.relu(fc1.forward(last))));
        }
    }

    public static void main(String[] args) throws Exception {
        int len = Integer.parseInt(args[0]);
        int calls = Integer.parseInt(args[1]);
        org.bytedeco.openblas.global.openblas_nolapack.blas_set_num_threads(1);
        torch.manual_seed(42);
        Net net = new Net();
        net.eval();
        GradMode.set_enabled(false);
        StringBuilder json = new StringBuilder("{\"len\": " + len + ", \"runs\": [");
        String sep = "";
        for (int batch : new int[] {1, 64}) {
            for (int threads : new int[] {1, 2}) {
                torch.set_num_threads(threads);
                Random rng = new Random(1);
                float[] data = new float[batch * len * 52];
                for (int i = 0; i < data.length; i++) {
                    data[i] = (float) rng.nextGaussian();
                }
                Tensor x = torch.tensor(data).reshape(batch, len, 52).contiguous();
                long[] last = new long[batch];
                for (int b = 0; b < batch; b++) {
                    last[b] = (long) b * len + len - 1;
                }
                Tensor flat = torch.tensor(last);
                int n = batch == 1 ? calls : Math.max(100, calls / 10);
                int warmup = Math.max(50, n / 5);
                double[] ms = new double[n];
                long checksum = 0;
                for (int i = 0; i < warmup + n; i++) {
                    try (PointerScope ps = new PointerScope()) {
                        long t0 = System.nanoTime();
                        Tensor pred = net.forward(x, flat).argmax(new LongOptional(1), false);
                        checksum += pred.data_ptr_long().get(0);
                        long t1 = System.nanoTime();
                        if (i >= warmup) {
                            ms[i - warmup] = (t1 - t0) / 1e6;
                        }
                    }
                }
                Arrays.sort(ms);
                double median = ms[n / 2];
                System.out.printf(
                        Locale.ROOT,
                        "libtorch inference: batch %d, %d readings, threads %d: median %.4f ms (%.0f sequences/s; checksum %d)%n",
                        batch, len, threads, median, batch / (median / 1e3), checksum);
                json.append(sep).append(String.format(
                        Locale.ROOT,
                        "{\"batch\": %d, \"threads\": %d, \"calls\": %d, \"median_ms\": %.6f}",
                        batch, threads, n, median));
                sep = ", ";
            }
        }
        Files.writeString(Path.of(args[2]), json.append("]}\n").toString());
        System.exit(0);
    }
}
