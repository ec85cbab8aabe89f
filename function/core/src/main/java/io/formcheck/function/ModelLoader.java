package io.formcheck.function;

import io.formcheck.model.Classifier;
import io.formcheck.model.ModelFile;
import io.quarkus.runtime.Startup;
import io.quarkus.runtime.configuration.ConfigurationException;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Set;
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
            // A configuration problem: the HTTP application prints this message alone (no stack trace) and
            // exits with 1; on Lambda the handler's construction fails, which fails the Init.
            // (PreventFurtherStepsException would end a Lambda's start-up silently, and Init would succeed.)
            throw new ConfigurationException(
                    "cannot start: model " + source + " is unusable: " + e.getMessage(),
                    Set.of("formcheck.model.path"));
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
