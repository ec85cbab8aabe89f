package io.formcheck.function.http;

import io.formcheck.function.BatchClassification;
import io.formcheck.function.BatchRequest;
import io.formcheck.function.Classification;
import io.formcheck.function.ClassificationService;
import io.formcheck.function.ClassifyRequest;
import io.formcheck.function.ModelDescription;
import io.quarkus.funqy.Funq;
import jakarta.inject.Inject;

/** The three functions; Funqy serves each at POST /{name}. */
public class ClassifyFunctions {
    @Inject
    ClassificationService service;

    @Funq
    public Classification classify(ClassifyRequest request) {
        return service.classify(request);
    }

    @Funq
    public BatchClassification classifyBatch(BatchRequest request) {
        return service.classifyBatch(request);
    }

    @Funq
    public ModelDescription model() {
        return service.describe();
    }
}
