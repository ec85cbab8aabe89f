package io.formcheck.trainer.nn;

import io.formcheck.model.Activations;

/**
 * An LSTM cell's elementwise work for one row of one step, forward and backward, gate order i, f,
 * g, o. On JDK 17 the JIT does not vectorize a loop whose arrays sit at different offsets (these
 * read a gates row, a cell row and a batch-slot row), so the Vector API ({@link VectorLstmCell}) does
 * the whole vectors where it is on, with the same operations in the same order, and these loops the
 * rest (all of it without the Vector API).
 */
final class LstmCell {
    private LstmCell() {}

    /**
     * gates [4H] at gRow: pre-activations in, activations out. c_{t-1} [H] at cPrev[pRow] (zeros
     * before the first step). Writes c, tanh(c) and h [H] at hRow.
     */
    static void forward(
            float[] gates, int gRow, float[] cPrev, int pRow, float[] c, float[] tanhC, float[] h, int hRow, int hs) {
        // in place over contiguous runs, which the JIT vectorizes
        Activations.sigmoid(gates, gRow, gRow + 2 * hs);
        Activations.tanh(gates, gates, gRow + 2 * hs, gRow + 3 * hs);
        Activations.sigmoid(gates, gRow + 3 * hs, gRow + 4 * hs);
        int j = Gemm.VECTOR ? VectorLstmCell.cell(gates, gRow, cPrev, pRow, c, hRow, hs) : 0;
        for (; j < hs; j++) {
            c[hRow + j] = gates[gRow + hs + j] * cPrev[pRow + j] + gates[gRow + j] * gates[gRow + 2 * hs + j];
        }
        Activations.tanh(c, tanhC, hRow, hRow + hs);
        j = Gemm.VECTOR ? VectorLstmCell.output(gates, gRow, tanhC, h, hRow, hs) : 0;
        for (; j < hs; j++) {
            h[hRow + j] = gates[gRow + 3 * hs + j] * tanhC[hRow + j];
        }
    }

    /**
     * From forward's activations (gates at gRow, tanh(c) at hRow, c_{t-1} at cPrev[pRow]), dH [H] at
     * hRow and the gradients step t + 1 passed back (dhNext, dcNext [H] at sRow): writes the
     * pre-activation gates' gradient [4H] at dGates[dRow] and dcNext for step t - 1.
     */
    static void backward(
            float[] gates,
            int gRow,
            float[] tanhC,
            float[] dH,
            int hRow,
            float[] cPrev,
            int pRow,
            float[] dhNext,
            float[] dcNext,
            int sRow,
            float[] dGates,
            int dRow,
            int hs) {
        int j = Gemm.VECTOR
                ? VectorLstmCell.backward(
                        gates, gRow, tanhC, dH, hRow, cPrev, pRow, dhNext, dcNext, sRow, dGates, dRow, hs)
                : 0;
        for (; j < hs; j++) {
            float i = gates[gRow + j];
            float f = gates[gRow + hs + j];
            float g = gates[gRow + 2 * hs + j];
            float o = gates[gRow + 3 * hs + j];
            float tc = tanhC[hRow + j];
            float dh = dH[hRow + j] + dhNext[sRow + j];
            float dc = dh * o * (1f - tc * tc) + dcNext[sRow + j];
            dGates[dRow + j] = dc * g * i * (1f - i);
            dGates[dRow + hs + j] = dc * cPrev[pRow + j] * f * (1f - f);
            dGates[dRow + 2 * hs + j] = dc * i * (1f - g * g);
            dGates[dRow + 3 * hs + j] = dh * tc * o * (1f - o);
            dcNext[sRow + j] = dc * f;
        }
    }
}
