package io.formcheck.function;

import io.formcheck.model.Classifier;
import io.formcheck.model.ExerciseClass;
import io.formcheck.model.ModelFile;
import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Loads the model once at start-up (the bundled one, or {@code formcheck.model.path}) and answers
 * the three functions for every binding. Checks every request before the model sees it.
 */
@ApplicationScoped
public class ClassificationService {
    /** The model that ships inside the application. */
    public static final String BUNDLED_MODEL = "formcheck/default.fcmodel";

    private static final Logger LOG = Logger.getLogger(ClassificationService.class);

    @ConfigProperty(name = "formcheck.model.path")
    Optional<String> modelPath;

    @ConfigProperty(name = "formcheck.batch.max-repetitions", defaultValue = "64")
    int maxBatch;

    private Classifier classifier;
    private Classification.ModelRef modelRef;

    void onStart(@Observes StartupEvent event) {
        String source = modelPath.orElse("classpath:" + BUNDLED_MODEL);
        try {
            classifier = modelPath.isPresent() ? Classifier.load(Path.of(modelPath.get())) : loadBundled();
            ModelFile file = classifier.file();
            modelRef = new Classification.ModelRef(
                    file.header().getOrDefault(ModelFile.NAME, "unnamed"),
                    file.header().getOrDefault(ModelFile.VERSION, ""),
                    file.header().getOrDefault(ModelFile.TRAINED_AT, ""));
            LOG.infof("loaded model %s version %s from %s", modelRef.name(), modelRef.version(), source);
        } catch (IOException | RuntimeException e) {
            LOG.errorf("cannot start: model %s is unusable: %s", source, e.getMessage());
            Quarkus.asyncExit(1);
        }
    }

    private static Classifier loadBundled() throws IOException {
        try (InputStream in = ClassificationService.class.getClassLoader().getResourceAsStream(BUNDLED_MODEL)) {
            if (in == null) {
                throw new IOException("the application was built without " + BUNDLED_MODEL);
            }
            return new Classifier(ModelFile.read(in));
        }
    }

    public Classification classify(ClassifyRequest request) {
        if (request == null) {
            throw new BadRequestException("missing request body: expected {\"samples\": [{feature: value, ...}, ...]}");
        }
        return answer(classifier.probabilities(RequestSamples.toMatrix(request.samples(), classifier.features())));
    }

    public BatchClassification classifyBatch(BatchRequest request) {
        if (request == null || request.repetitions() == null) {
            throw new BadRequestException(
                    "missing repetitions: expected {\"repetitions\": [{\"samples\": [...]}, ...]}");
        }
        if (request.repetitions().isEmpty()) {
            throw new BadRequestException("repetitions is empty");
        }
        if (request.repetitions().size() > maxBatch) {
            throw new BadRequestException("the batch has "
                    + request.repetitions().size() + " repetitions; at most " + maxBatch + " are accepted");
        }
        List<Classification> results = new ArrayList<>();
        for (int i = 0; i < request.repetitions().size(); i++) {
            try {
                results.add(classify(request.repetitions().get(i)));
            } catch (BadRequestException e) {
                throw new BadRequestException("repetition " + i + ": " + e.getMessage());
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
            } else if (k.equals(ModelFile.ARCHITECTURE) || k.contains(".")) {
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
