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
 * test window, so overlapping training windows never leak what is scored. Without validation (a model
 * that needs none), its share is trained on, and the test windows stay the same.
 */
public final class Splits {
    /** Shares of the scored windows in each class: 70% training, 15% validation, 15% test. */
    public static final double TRAIN = 0.70;

    public static final double VALIDATION = 0.15;

    /** The windows of each part. */
    public record Split(List<RepetitionWindow> train, List<RepetitionWindow> validation, List<RepetitionWindow> test) {}

    private Splits() {}

    /** The shares of a stratified split, as reports name it: 70/15/15, or 85/15 without validation. */
    public static String shares(boolean validation) {
        return validation ? "70/15/15" : "85/15";
    }

    /**
     * Per class, a seeded shuffle of the scored windows cut at 70% and 85%, so every class keeps its share
     * in each part (sklearn's stratified train_test_split, applied twice).
     */
    public static Split stratified(Dataset.Windows windows, long seed, boolean validation) {
        Parts parts = stratified(windows.scored(), seed, TRAIN, VALIDATION);
        List<RepetitionWindow> heldOut = new ArrayList<>(parts.test);
        if (validation) {
            heldOut.addAll(parts.validation);
        }
        return new Split(
                trainingApartFrom(windows.training(), heldOut), validation ? parts.validation : List.of(), parts.test);
    }

    /**
     * Leave-one-subject-out: one fold per user, whose scored windows are the test set; with validation,
     * 15% of the other users' scored windows (stratified) are held out for it.
     */
    public static Map<String, Split> leaveOneSubjectOut(Dataset.Windows windows, long seed, boolean validation) {
        Map<String, Split> folds = new TreeMap<>();
        List<String> users = windows.scored().stream()
                .map(RepetitionWindow::user)
                .distinct()
                .sorted()
                .toList();
        for (String user : users) {
            List<RepetitionWindow> others = windows.training().stream()
                    .filter(w -> !w.user().equals(user))
                    .toList();
            List<RepetitionWindow> test =
                    windows.scored().stream().filter(w -> w.user().equals(user)).toList();
            List<RepetitionWindow> held = validation
                    ? stratified(
                                    windows.scored().stream()
                                            .filter(w -> !w.user().equals(user))
                                            .toList(),
                                    seed,
                                    1 - VALIDATION,
                                    VALIDATION)
                            .validation
                    : List.of();
            folds.put(user, new Split(trainingApartFrom(others, held), held, test));
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
