package io.formcheck.trainer.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import io.formcheck.model.Activations;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The cell's elementwise work (on the Vector API where the build's tests turn it on) against plain
 * per-element formulas, to the last bit: H = 37 covers whole vectors and a tail at any vector width,
 * and every operand sits at its own offset, as in a packed batch.
 */
class LstmCellTest {
    private static final int H = 37;
    private final Random rng = new Random(4);

    @Test
    void forwardMatchesPlainFormulas() {
        int gRow = 3 * 4 * H, pRow = 5, hRow = 2 * H + 1;
        float[] gates = random(gRow + 4 * H + 7, 3f);
        float[] cPrev = random(pRow + H, 2f);
        float[] expectedGates = gates.clone();
        float[] c = new float[hRow + H], tanhC = new float[hRow + H], h = new float[hRow + H];
        float[] ec = c.clone(), etanhC = c.clone(), eh = c.clone();
        for (int j = 0; j < H; j++) {
            float i = Activations.sigmoid(gates[gRow + j]);
            float f = Activations.sigmoid(gates[gRow + H + j]);
            float g = Activations.tanh(gates[gRow + 2 * H + j]);
            float o = Activations.sigmoid(gates[gRow + 3 * H + j]);
            expectedGates[gRow + j] = i;
            expectedGates[gRow + H + j] = f;
            expectedGates[gRow + 2 * H + j] = g;
            expectedGates[gRow + 3 * H + j] = o;
            ec[hRow + j] = f * cPrev[pRow + j] + i * g;
            etanhC[hRow + j] = Activations.tanh(ec[hRow + j]);
            eh[hRow + j] = o * etanhC[hRow + j];
        }
        LstmCell.forward(gates, gRow, cPrev, pRow, c, tanhC, h, hRow, H);
        assertArrayEquals(expectedGates, gates, "activated gates");
        assertArrayEquals(ec, c, "cell");
        assertArrayEquals(etanhC, tanhC, "tanh(cell)");
        assertArrayEquals(eh, h, "output");
    }

    @Test
    void backwardMatchesPlainFormulas() {
        int gRow = 4 * H + 3, hRow = H + 2, pRow = 7, sRow = H, dRow = 4 * H + 1;
        float[] gates = random(gRow + 4 * H, 1f);
        float[] tanhC = random(hRow + H, 1f);
        float[] dH = random(hRow + H, 1f);
        float[] cPrev = random(pRow + H, 2f);
        float[] dhNext = random(sRow + H + 3, 1f);
        float[] dcNext = random(sRow + H + 3, 1f);
        float[] dGates = new float[dRow + 4 * H + 2];
        float[] eGates = dGates.clone(), eDcNext = dcNext.clone();
        for (int j = 0; j < H; j++) {
            float i = gates[gRow + j], f = gates[gRow + H + j];
            float g = gates[gRow + 2 * H + j], o = gates[gRow + 3 * H + j];
            float tc = tanhC[hRow + j];
            float dh = dH[hRow + j] + dhNext[sRow + j];
            float dc = dh * o * (1f - tc * tc) + dcNext[sRow + j];
            eGates[dRow + j] = dc * g * i * (1f - i);
            eGates[dRow + H + j] = dc * cPrev[pRow + j] * f * (1f - f);
            eGates[dRow + 2 * H + j] = dc * i * (1f - g * g);
            eGates[dRow + 3 * H + j] = dh * tc * o * (1f - o);
            eDcNext[sRow + j] = dc * f;
        }
        LstmCell.backward(gates, gRow, tanhC, dH, hRow, cPrev, pRow, dhNext, dcNext, sRow, dGates, dRow, H);
        assertArrayEquals(eGates, dGates, "gate gradients");
        assertArrayEquals(eDcNext, dcNext, "cell gradient passed back");
    }

    private float[] random(int n, float scale) {
        float[] v = new float[n];
        for (int i = 0; i < n; i++) {
            v[i] = (float) (rng.nextGaussian() * scale);
        }
        return v;
    }
}
