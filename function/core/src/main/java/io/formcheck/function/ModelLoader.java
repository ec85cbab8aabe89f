package io.formcheck.function;

import io.formcheck.model.Classifier;
import io.formcheck.model.ModelFile;
import io.quarkus.runtime.PreventFurtherStepsException;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Loads the model once, at start-up: the bundled one, or {@code formcheck.model.path}. A model that
 * cannot be used stops the start-up, so the HTTP application exits with 1 and a Lambda fails its Init
 * instead of answering every event with an error.
 */
public class ModelLoader {
    /** The model that ships inside the application. */
    public static final String BUNDLED_MODEL = "formcheck/default.fcmodel";

    @Produces
    @Singleton
    @Startup
    Classifier classifier(@ConfigProperty(name = "formcheck.model.path") Optional<String> modelPath) {
        String source = modelPath.orElse("classpath:" + BUNDLED_MODEL);
        try {
            return modelPath.isPresent() ? Classifier.load(Path.of(modelPath.get())) : loadBundled();
        } catch (IOException | RuntimeException e) {
            // Quarkus prints this message alone (no stack trace) and ends the start-up with exit code 1.
            throw new PreventFurtherStepsException(
                    "cannot start: model " + source + " is unusable: " + e.getMessage(), 1);
        }
    }

    /** The bundled model, for callers outside CDI (the bench, the tests). */
    public static Classifier loadBundled() throws IOException {
        try (InputStream in = ModelLoader.class.getClassLoader().getResourceAsStream(BUNDLED_MODEL)) {
            if (in == null) {
                throw new IOException("the application was built without " + BUNDLED_MODEL);
            }
            return new Classifier(ModelFile.read(in));
        }
    }
}
