package io.formcheck.function;

import io.formcheck.model.Classifier;
import io.formcheck.model.InvalidInputException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Turns a request's samples (JSON objects keyed by feature name) into the model's steps x features
 * matrix, naming a missing feature or a value that is not a number. Everything else about a
 * repetition (its length, finite values) is the classifier's one check.
 */
final class RequestSamples {
    private static final int NAMES_SHOWN = 5;

    private RequestSamples() {}

    static float[][] toMatrix(List<Map<String, Object>> samples, List<String> features) {
        Classifier.checkLength(samples == null ? 0 : samples.size());
        float[][] matrix = new float[samples.size()][features.size()];
        for (int t = 0; t < samples.size(); t++) {
            Map<String, Object> sample = samples.get(t);
            if (sample == null) {
                throw new InvalidInputException("sample " + t + " is null; expected an object of feature values");
            }
            List<String> missing = new ArrayList<>();
            for (int j = 0; j < features.size(); j++) {
                String name = features.get(j);
                if (!sample.containsKey(name)) {
                    missing.add(name);
                    continue;
                }
                matrix[t][j] = value(sample.get(name), t, name);
            }
            if (!missing.isEmpty()) {
                String shown = String.join(", ", missing.subList(0, Math.min(NAMES_SHOWN, missing.size())));
                String more = missing.size() > NAMES_SHOWN ? " and " + (missing.size() - NAMES_SHOWN) + " more" : "";
                throw new InvalidInputException("sample " + t + " lacks feature(s) " + shown + more);
            }
        }
        return matrix;
    }

    private static float value(Object v, int t, String name) {
        if (v == null) {
            throw new InvalidInputException("sample " + t + ": " + name + " is null");
        }
        if (!(v instanceof Number number)) {
            throw new InvalidInputException("sample " + t + ": " + name + " is not a number");
        }
        return number.floatValue();
    }
}
