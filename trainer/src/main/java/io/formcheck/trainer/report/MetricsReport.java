package io.formcheck.trainer.report;

import io.formcheck.model.ExerciseClass;
import io.formcheck.trainer.train.Metrics;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Metrics as JSON-ready maps and as text for the terminal. */
public final class MetricsReport {
    public static final List<String> LABELS = ExerciseClass.labels();

    private MetricsReport() {}

    public static Map<String, Object> toMap(Metrics m) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("windows", m.windows());
        out.put("accuracy", m.accuracy());
        out.put("macro_f1", m.macroF1());
        out.put("labels", LABELS);
        out.put("confusion_matrix", m.confusion());
        Map<String, Object> perClass = new LinkedHashMap<>();
        for (int k = 0; k < LABELS.size(); k++) {
            perClass.put(
                    LABELS.get(k),
                    Map.of(
                            "precision",
                            m.precision()[k],
                            "recall",
                            m.recall()[k],
                            "f1",
                            m.f1()[k],
                            "support",
                            m.support()[k]));
        }
        out.put("per_class", perClass);
        return out;
    }

    /** "adelmo 0.812, carlitos 0.903, ..." */
    public static String accuracies(Map<String, Double> byName) {
        return String.join(
                ", ",
                byName.entrySet().stream()
                        .map(e -> String.format(Locale.ROOT, "%s %.3f", e.getKey(), e.getValue()))
                        .toList());
    }

    public static String toText(Metrics m) {
        StringBuilder s = new StringBuilder();
        s.append(String.format(
                Locale.ROOT, "accuracy %.4f  macro-F1 %.4f  (%d windows)%n", m.accuracy(), m.macroF1(), m.windows()));
        s.append("class  precision  recall  f1      support   confusion (predicted ")
                .append(String.join(" ", LABELS))
                .append(")\n");
        for (int k = 0; k < LABELS.size(); k++) {
            s.append(String.format(
                    Locale.ROOT,
                    "%-5s  %.4f     %.4f  %.4f  %7d   ",
                    LABELS.get(k),
                    m.precision()[k],
                    m.recall()[k],
                    m.f1()[k],
                    m.support()[k]));
            for (int p = 0; p < LABELS.size(); p++) {
                s.append(String.format(Locale.ROOT, "%4d", m.confusion()[k][p]));
            }
            s.append('\n');
        }
        return s.toString();
    }
}
