package io.formcheck.trainer.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
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
        List<RepetitionWindow> windows = SyntheticWle.windows(40, 2, 1);
        Dataset.Windows all = new Dataset.Windows(new Windowing.ByNumWindow(), windows, windows);
        Splits.Split s = Splits.stratified(all, 42, true);
        assertEquals(s, Splits.stratified(all, 42, true));
        assertNotEquals(s, Splits.stratified(all, 43, true));
        Set<RepetitionWindow> union = new HashSet<>(s.train());
        union.addAll(s.validation());
        union.addAll(s.test());
        assertEquals(200, union.size(), "parts are disjoint and cover every window");
        for (int k = 0; k < 5; k++) {
            int label = k;
            assertEquals(28, s.train().stream().filter(w -> w.label() == label).count());
            assertEquals(
                    6, s.validation().stream().filter(w -> w.label() == label).count());
            assertEquals(6, s.test().stream().filter(w -> w.label() == label).count());
        }
    }

    @Test
    void overlappingTrainingWindowsNeverShareAReadingWithAScoredOne() {
        Dataset.Windows windows = new Dataset("test", WindowingTest.recordings(3, 2, 60.0), 0, Map.of())
                .windows(new Windowing.ByTime(2.5, 0.5));
        assertTrue(windows.training().size() > 4 * windows.scored().size(), "a stride of a fifth of the window");
        Splits.Split split = Splits.stratified(windows, 7, true);
        assertFalse(split.train().isEmpty());
        for (RepetitionWindow w : split.train()) {
            for (RepetitionWindow held : split.test()) {
                assertFalse(w.overlaps(held), w + " overlaps " + held);
            }
            for (RepetitionWindow held : split.validation()) {
                assertFalse(w.overlaps(held), w + " overlaps " + held);
            }
        }
    }

    @Test
    void leaveOneSubjectOutTestsEachPersonOnTheirOwnScoredWindows() {
        Dataset.Windows windows = new Dataset("test", WindowingTest.recordings(3, 2, 30.0), 0, Map.of())
                .windows(new Windowing.ByTime(2.5, 0.5));
        Map<String, Splits.Split> folds = Splits.leaveOneSubjectOut(windows, 1, true);
        assertEquals(3, folds.size());
        folds.forEach((user, split) -> {
            assertTrue(split.test().stream().allMatch(w -> w.user().equals(user)));
            assertEquals(
                    windows.scored().stream().filter(w -> w.user().equals(user)).count(),
                    split.test().size());
            assertTrue(split.train().stream().noneMatch(w -> w.user().equals(user)));
            assertTrue(split.validation().stream().noneMatch(w -> w.user().equals(user)));
            assertFalse(split.validation().isEmpty());
            for (RepetitionWindow w : split.train()) {
                assertTrue(split.validation().stream().noneMatch(w::overlaps));
            }
        });
    }
}
