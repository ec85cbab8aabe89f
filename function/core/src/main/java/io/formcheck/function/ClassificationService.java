package io.formcheck.function;

import io.formcheck.model.Classifier;
import io.formcheck.model.ExerciseClass;
import io.formcheck.model.InvalidInputException;
import io.formcheck.model.ModelFile;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The functions over a loaded model, for every binding. A request the model cannot take is refused
 * with {@link InvalidInputException}, which names what is wrong with it.
 */
@Singleton
public class ClassificationService {
    private final Classifier classifier;
    private final int maxBatch;
    private final Classification.ModelRef modelRef;

    @Inject
    public ClassificationService(
            Classifier classifier, @ConfigProperty(name = "formcheck.batch.max-repetitions") int maxBatch) {
        this.classifier = classifier;
        this.maxBatch = maxBatch;
        Map<String, String> header = classifier.file().header();
        this.modelRef = new Classification.ModelRef(
                header.getOrDefault(ModelFile.NAME, "unnamed"),
                header.getOrDefault(ModelFile.VERSION, ""),
                header.getOrDefault(ModelFile.TRAINED_AT, ""));
    }

    public Classification classify(ClassifyRequest request) {
        return answer(classifier.probabilities(RequestSamples.toMatrix(request.samples(), classifier.features())));
    }

    public BatchClassification classifyBatch(BatchRequest request) {
        List<ClassifyRequest> repetitions = request.repetitions();
        if (repetitions == null || repetitions.isEmpty()) {
            throw new InvalidInputException(
                    "the batch has no repetitions: expected {\"repetitions\": [{\"samples\": [...]}, ...]}");
        }
        if (repetitions.size() > maxBatch) {
            throw new InvalidInputException(
                    "the batch has " + repetitions.size() + " repetitions; at most " + maxBatch + " are accepted");
        }
        List<Classification> results = new ArrayList<>();
        for (int i = 0; i < repetitions.size(); i++) {
            if (repetitions.get(i) == null) {
                throw new InvalidInputException("repetition " + i + " is null; expected {\"samples\": [...]}");
            }
            try {
                results.add(classify(repetitions.get(i)));
            } catch (InvalidInputException e) {
                throw new InvalidInputException("repetition " + i + ": " + e.getMessage());
            }
        }
        return new BatchClassification(results);
    }

    public ModelDescription describe() {
        ModelFile file = classifier.file();
        Map<String, String> architecture = new TreeMap<>();
        Map<String, String> training = new TreeMap<>();
        file.header().forEach((k, v) -> {
            if (k.startsWith("training.")) {
                training.put(k.substring("training.".length()), v);
            } else if (k.equals(ModelFile.ARCHITECTURE) || k.equals(ModelFile.MEMBERS) || k.contains(".")) {
                architecture.put(k, v);
            }
        });
        List<ModelDescription.Label> labels = classifier.labels().stream()
                .map(l -> new ModelDescription.Label(l, description(l)))
                .toList();
        int maxLength = Integer.parseInt(file.header().getOrDefault(ModelFile.MAX_SEQUENCE_LENGTH, "0"));
        return new ModelDescription(
                modelRef.name(),
                modelRef.version(),
                modelRef.trainedAt(),
                architecture,
                classifier.features(),
                labels,
                maxLength,
                Classifier.MAX_SAMPLES,
                maxBatch,
                training);
    }

    /** The model's input features, in the order it reads them. */
    public List<String> features() {
        return classifier.features();
    }

    private Classification answer(float[] p) {
        int best = Classifier.argmax(p);
        Map<String, Double> probabilities = new LinkedHashMap<>();
        for (int k = 0; k < p.length; k++) {
            probabilities.put(classifier.labels().get(k), exact(p[k]));
        }
        String label = classifier.labels().get(best);
        return new Classification(label, description(label), exact(p[best]), probabilities, modelRef);
    }

    /** The float's own shortest decimal, so 0.97f is sent as 0.97 and parses back to the same float. */
    private static double exact(float f) {
        return Double.parseDouble(Float.toString(f));
    }

    private static String description(String label) {
        try {
            return ExerciseClass.valueOf(label).description();
        } catch (IllegalArgumentException e) {
            return label;
        }
    }
}
