package io.formcheck.trainer.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.formcheck.trainer.SyntheticWle;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SplitsTest {
    @Test
    void stratifiedSplitKeepsEachClassShareAndIsDeterministic() {
        int[] labels = new int[200];
        for (int i = 0; i < labels.length; i++) {
            labels[i] = i < 100 ? 0 : i < 160 ? 1 : 2;
        }
        Splits.Split s = Splits.stratified(labels, 42, 0.70, 0.15);
        assertEquals(s, Splits.stratified(labels, 42, 0.70, 0.15));
        assertTrue(!s.equals(Splits.stratified(labels, 43, 0.70, 0.15)));
        Set<Integer> all = new HashSet<>(s.train());
        all.addAll(s.validation());
        all.addAll(s.test());
        assertEquals(200, all.size(), "parts are disjoint and cover every window");
        assertEquals(70, s.train().stream().filter(i -> labels[i] == 0).count());
        assertEquals(42, s.train().stream().filter(i -> labels[i] == 1).count());
        assertEquals(6, s.test().stream().filter(i -> labels[i] == 2).count());
    }

    @Test
    void leaveOneSubjectOutTestsEachUserOnTheirOwn() {
        List<RepetitionWindow> windows = SyntheticWle.windows(6, 3, 1);
        Map<String, Splits.Split> folds = Splits.leaveOneSubjectOut(windows, 1, 0.15);
        assertEquals(3, folds.size());
        folds.forEach((user, split) -> {
            assertTrue(split.test().stream().allMatch(i -> windows.get(i).user().equals(user)));
            assertTrue(
                    split.train().stream().noneMatch(i -> windows.get(i).user().equals(user)));
            assertTrue(split.validation().stream()
                    .noneMatch(i -> windows.get(i).user().equals(user)));
            assertEquals(
                    windows.size(),
                    split.train().size()
                            + split.validation().size()
                            + split.test().size());
        });
    }
}
