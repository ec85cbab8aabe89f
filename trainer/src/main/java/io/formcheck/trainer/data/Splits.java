package io.formcheck.trainer.data;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

/** How windows are divided into training, validation and test sets. */
public final class Splits {
    /** Indices into the window list. */
    public record Split(List<Integer> train, List<Integer> validation, List<Integer> test) {}

    private Splits() {}

    /**
     * Per class, a seeded shuffle cut at trainFraction and trainFraction + validationFraction, so
     * every class keeps its share in each part (sklearn's stratified train_test_split, applied twice).
     */
    public static Split stratified(int[] labels, long seed, double trainFraction, double validationFraction) {
        Map<Integer, List<Integer>> byClass = new TreeMap<>();
        for (int i = 0; i < labels.length; i++) {
            byClass.computeIfAbsent(labels[i], k -> new ArrayList<>()).add(i);
        }
        Random rng = new Random(seed);
        List<Integer> train = new ArrayList<>();
        List<Integer> validation = new ArrayList<>();
        List<Integer> test = new ArrayList<>();
        for (List<Integer> members : byClass.values()) {
            Collections.shuffle(members, rng);
            int n = members.size();
            int nTrain = (int) Math.round(n * trainFraction);
            int nValidation = (int) Math.round(n * validationFraction);
            nValidation = Math.min(nValidation, n - nTrain);
            train.addAll(members.subList(0, nTrain));
            validation.addAll(members.subList(nTrain, nTrain + nValidation));
            test.addAll(members.subList(nTrain + nValidation, n));
        }
        Collections.sort(train);
        Collections.sort(validation);
        Collections.sort(test);
        return new Split(train, validation, test);
    }

    /**
     * Leave-one-subject-out: one fold per user, whose windows are the test set; the other users'
     * windows are split stratified into training and validation (validationFraction of them).
     */
    public static Map<String, Split> leaveOneSubjectOut(
            List<RepetitionWindow> windows, long seed, double validationFraction) {
        Map<String, Split> folds = new TreeMap<>();
        List<String> users =
                windows.stream().map(RepetitionWindow::user).distinct().sorted().toList();
        for (String user : users) {
            List<Integer> rest = new ArrayList<>();
            List<Integer> test = new ArrayList<>();
            for (int i = 0; i < windows.size(); i++) {
                (windows.get(i).user().equals(user) ? test : rest).add(i);
            }
            int[] restLabels =
                    rest.stream().mapToInt(i -> windows.get(i).label()).toArray();
            Split inner = stratified(restLabels, seed, 1 - validationFraction, validationFraction);
            folds.put(
                    user,
                    new Split(
                            inner.train().stream().map(rest::get).toList(),
                            inner.validation().stream().map(rest::get).toList(),
                            test));
        }
        return folds;
    }
}
