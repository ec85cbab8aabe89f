package io.formcheck.trainer.nn;

import java.util.Arrays;

/** The mean over each sequence's real steps: [rows, width] packed to [batch, width]. */
final class MeanPool {
    private MeanPool() {}

    static void forward(PackedBatch batch, float[] x, int width, float[] out) {
        for (int b = 0; b < batch.size; b++) {
            Arrays.fill(out, b * width, (b + 1) * width, 0f);
            float w = 1f / batch.lengths[b];
            for (int t = 0; t < batch.lengths[b]; t++) {
                int row = (batch.offset[t] + b) * width;
                for (int j = 0; j < width; j++) {
                    out[b * width + j] += w * x[row + j];
                }
            }
        }
    }

    /** dX [rows, width] = dOut of each sequence / its length, at every one of its steps. */
    static void backward(PackedBatch batch, float[] dOut, int width, float[] dX) {
        for (int b = 0; b < batch.size; b++) {
            float w = 1f / batch.lengths[b];
            for (int t = 0; t < batch.lengths[b]; t++) {
                int row = (batch.offset[t] + b) * width;
                for (int j = 0; j < width; j++) {
                    dX[row + j] = w * dOut[b * width + j];
                }
            }
        }
    }
}
