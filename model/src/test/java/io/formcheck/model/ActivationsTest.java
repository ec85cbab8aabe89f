package io.formcheck.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The rational tanh against the JDK's, and sigmoid against its definition. */
class ActivationsTest {
    @Test
    void tanhAndSigmoidAreWithinFloatPrecisionEverywhere() {
        double worstTanh = 0;
        double worstSigmoid = 0;
        for (double x = -30; x <= 30; x += 1e-3) {
            float f = (float) x;
            worstTanh = Math.max(worstTanh, Math.abs(Activations.tanh(f) - Math.tanh(f)));
            worstSigmoid = Math.max(worstSigmoid, Math.abs(Activations.sigmoid(f) - 1 / (1 + Math.exp(-f))));
        }
        assertEquals(0, worstTanh, 5e-7);
        assertEquals(0, worstSigmoid, 5e-7);
    }

    @Test
    void softmaxIsStableForLargeLogits() {
        float[] p = new float[3];
        Activations.softmax(new float[] {1000f, 1000f, -1000f}, 0, 3, p);
        assertEquals(0.5f, p[0], 1e-6);
        assertEquals(0f, p[2], 1e-6);
    }
}
