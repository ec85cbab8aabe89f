package io.formcheck.trainer.data;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

/**
 * How windows are divided into training, validation and test sets. The scored (non-overlapping) windows
 * are divided; training then takes every training window that shares no reading with a validation or
 * test window, so overlapping training windows never leak what is scored.
 */
public final class Splits {
    /** The windows of each part. */
    public record Split(List<RepetitionWindow> train, List<RepetitionWindow> validation, List<RepetitionWindow> test) {}

    private Splits() {}

    /**
     * Per class, a seeded shuffle of the scored windows cut at trainFraction and trainFraction +
     * validationFraction, so every class keeps its share in each part (sklearn's stratified
     * train_test_split, applied twice).
     */
    public static Split stratified(
            Dataset.Windows windows, long seed, double trainFraction, double validationFraction) {
        Parts parts = stratified(windows.scored(), seed, trainFraction, validationFraction);
        List<RepetitionWindow> heldOut = new ArrayList<>(parts.validation);
        heldOut.addAll(parts.test);
        return new Split(trainingApartFrom(windows.training(), heldOut), parts.validation, parts.test);
    }

    /**
     * Leave-one-subject-out: one fold per user, whose scored windows are the test set; the other users'
     * scored windows are split stratified into training and validation (validationFraction of them).
     */
    public static Map<String, Split> leaveOneSubjectOut(Dataset.Windows windows, long seed, double validationFraction) {
        Map<String, Split> folds = new TreeMap<>();
        List<String> users = windows.scored().stream()
                .map(RepetitionWindow::user)
                .distinct()
                .sorted()
                .toList();
        for (String user : users) {
            List<RepetitionWindow> rest = windows.scored().stream()
                    .filter(w -> !w.user().equals(user))
                    .toList();
            Parts inner = stratified(rest, seed, 1 - validationFraction, validationFraction);
            List<RepetitionWindow> others = windows.training().stream()
                    .filter(w -> !w.user().equals(user))
                    .toList();
            List<RepetitionWindow> test =
                    windows.scored().stream().filter(w -> w.user().equals(user)).toList();
            folds.put(user, new Split(trainingApartFrom(others, inner.validation), inner.validation, test));
        }
        return folds;
    }

    private record Parts(List<RepetitionWindow> validation, List<RepetitionWindow> test) {}

    private static Parts stratified(
            List<RepetitionWindow> windows, long seed, double trainFraction, double validationFraction) {
        Map<Integer, List<Integer>> byClass = new TreeMap<>();
        for (int i = 0; i < windows.size(); i++) {
            byClass.computeIfAbsent(windows.get(i).label(), k -> new ArrayList<>())
                    .add(i);
        }
        Random rng = new Random(seed);
        List<Integer> validation = new ArrayList<>();
        List<Integer> test = new ArrayList<>();
        for (List<Integer> members : byClass.values()) {
            Collections.shuffle(members, rng);
            int n = members.size();
            int nTrain = (int) Math.round(n * trainFraction);
            int nValidation = Math.min((int) Math.round(n * validationFraction), n - nTrain);
            validation.addAll(members.subList(nTrain, nTrain + nValidation));
            test.addAll(members.subList(nTrain + nValidation, n));
        }
        Collections.sort(validation);
        Collections.sort(test);
        return new Parts(
                validation.stream().map(windows::get).toList(),
                test.stream().map(windows::get).toList());
    }

    /** The training windows that share no reading with a held-out one (and are not one). */
    private static List<RepetitionWindow> trainingApartFrom(
            List<RepetitionWindow> training, List<RepetitionWindow> heldOut) {
        return training.stream()
                .filter(w -> heldOut.stream().noneMatch(h -> h == w || h.overlaps(w)))
                .toList();
    }
}
