package io.formcheck.trainer.nn;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link LstmCell}'s loops on the Vector API, over the whole vectors of a row: each returns how many
 * elements it did, and the plain loops do the rest. Lanewise multiplies and adds in the plain
 * loops' order (no fused multiply-adds), so both give the same floats.
 */
final class VectorLstmCell {
    private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
    private static final int L = S.length();

    private VectorLstmCell() {}

    /** c = f * c_{t-1} + i * g. */
    static int cell(float[] gates, int gRow, float[] cPrev, int pRow, float[] c, int hRow, int hs) {
        int whole = hs - hs % L;
        for (int j = 0; j < whole; j += L) {
            FloatVector i = FloatVector.fromArray(S, gates, gRow + j);
            FloatVector f = FloatVector.fromArray(S, gates, gRow + hs + j);
            FloatVector g = FloatVector.fromArray(S, gates, gRow + 2 * hs + j);
            FloatVector cp = FloatVector.fromArray(S, cPrev, pRow + j);
            f.mul(cp).add(i.mul(g)).intoArray(c, hRow + j);
        }
        return whole;
    }

    /** h = o * tanh(c). */
    static int output(float[] gates, int gRow, float[] tanhC, float[] h, int hRow, int hs) {
        int whole = hs - hs % L;
        for (int j = 0; j < whole; j += L) {
            FloatVector o = FloatVector.fromArray(S, gates, gRow + 3 * hs + j);
            o.mul(FloatVector.fromArray(S, tanhC, hRow + j)).intoArray(h, hRow + j);
        }
        return whole;
    }

    /** See LstmCell.backward. */
    static int backward(
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
        int whole = hs - hs % L;
        FloatVector one = FloatVector.broadcast(S, 1f);
        for (int j = 0; j < whole; j += L) {
            FloatVector i = FloatVector.fromArray(S, gates, gRow + j);
            FloatVector f = FloatVector.fromArray(S, gates, gRow + hs + j);
            FloatVector g = FloatVector.fromArray(S, gates, gRow + 2 * hs + j);
            FloatVector o = FloatVector.fromArray(S, gates, gRow + 3 * hs + j);
            FloatVector tc = FloatVector.fromArray(S, tanhC, hRow + j);
            FloatVector dh = FloatVector.fromArray(S, dH, hRow + j).add(FloatVector.fromArray(S, dhNext, sRow + j));
            FloatVector dc = dh.mul(o).mul(one.sub(tc.mul(tc))).add(FloatVector.fromArray(S, dcNext, sRow + j));
            dc.mul(g).mul(i).mul(one.sub(i)).intoArray(dGates, dRow + j);
            dc.mul(FloatVector.fromArray(S, cPrev, pRow + j))
                    .mul(f)
                    .mul(one.sub(f))
                    .intoArray(dGates, dRow + hs + j);
            dc.mul(i).mul(one.sub(g.mul(g))).intoArray(dGates, dRow + 2 * hs + j);
            dh.mul(tc).mul(o).mul(one.sub(o)).intoArray(dGates, dRow + 3 * hs + j);
            dc.mul(f).intoArray(dcNext, sRow + j);
        }
        return whole;
    }
}
