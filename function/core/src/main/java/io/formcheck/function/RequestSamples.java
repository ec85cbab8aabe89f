package io.formcheck.function;

import io.formcheck.model.Classifier;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Checks a request's samples and turns them into the model's steps x features matrix, naming any problem. */
final class RequestSamples {
    private static final int NAMES_SHOWN = 5;

    private RequestSamples() {}

    static float[][] toMatrix(List<Map<String, Object>> samples, List<String> features) {
        if (samples == null || samples.isEmpty()) {
            throw new BadRequestException("the repetition has no samples");
        }
        if (samples.size() > Classifier.MAX_SAMPLES) {
            throw new BadRequestException("the repetition has " + samples.size() + " samples; at most "
                    + Classifier.MAX_SAMPLES + " are accepted");
        }
        float[][] matrix = new float[samples.size()][features.size()];
        for (int t = 0; t < samples.size(); t++) {
            Map<String, Object> sample = samples.get(t);
            if (sample == null) {
                throw new BadRequestException("sample " + t + " is null; expected an object of feature values");
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
                throw new BadRequestException("sample " + t + " lacks feature(s) " + shown + more);
            }
        }
        return matrix;
    }

    private static float value(Object v, int t, String name) {
        if (v == null) {
            throw new BadRequestException("sample " + t + ": " + name + " is null");
        }
        if (!(v instanceof Number number)) {
            throw new BadRequestException("sample " + t + ": " + name + " is not a number");
        }
        float f = number.floatValue();
        if (!Float.isFinite(f)) {
            throw new BadRequestException("sample " + t + ": " + name + " is not a finite float32 number");
        }
        return f;
    }
}
