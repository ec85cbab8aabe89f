package io.formcheck.function.http;

import io.formcheck.function.BatchClassification;
import io.formcheck.function.BatchRequest;
import io.formcheck.function.Classification;
import io.formcheck.function.ClassificationService;
import io.formcheck.function.ClassifyRequest;
import io.formcheck.function.ModelDescription;
import io.quarkus.funqy.Funq;
import jakarta.inject.Inject;

/**
 * The functions as Funqy serves them over HTTP ({@code POST /<name>}). Their names are the route table's
 * ({@link io.formcheck.function.contract.Routes}); {@link ContractRoutes} holds Funqy to the contract.
 */
public class Functions {
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
