package io.formcheck.trainer.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class MetricsTest {
    @Test
    void perClassFiguresFromTheConfusionMatrix() {
        int[] truth = {0, 0, 0, 1, 1, 2};
        int[] pred = {0, 0, 1, 1, 2, 2};
        Metrics m = Metrics.of(truth, pred, 3);
        assertEquals(4.0 / 6, m.accuracy(), 1e-12);
        assertArrayEquals(new int[] {2, 1, 0}, m.confusion()[0]);
        assertEquals(0.5, m.precision()[1], 1e-12);
        assertEquals(0.5, m.recall()[1], 1e-12);
        assertEquals(2.0 / 3, m.recall()[0], 1e-12);
        assertEquals((0.8 + 0.5 + 2.0 / 3) / 3, m.macroF1(), 1e-12);
    }

    @Test
    void aClassAbsentFromTheTestSetIsReportedNotFatal() {
        Metrics m = Metrics.of(new int[] {0, 1, 1}, new int[] {0, 1, 0}, 5);
        assertEquals(5, m.confusion().length);
        assertEquals(0, m.support()[4]);
        assertEquals((1.0 / (1 + 0.5) * 2 * 0.5 + 2 * 1 * 0.5 / 1.5) / 2, m.macroF1(), 1e-12);
    }
}
