package io.formcheck.function.lambda;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.formcheck.function.ClassificationService;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.crac.Context;
import org.crac.Core;
import org.crac.Resource;

/**
 * SnapStart priming: before Lambda snapshots the initialised function, classify one direct event and
 * one Function URL event through the handler, a few times, so the classes they load and the code the
 * JIT compiles are in the snapshot and the first real event after a restore does not pay for them.
 * (Quarkus starts the application during Init, so the model is loaded by then.)
 */
@Singleton
public class Priming implements Resource {
    /** Enough rounds for the JIT's first tier to compile the forward pass and the JSON paths. */
    static final int ROUNDS = 200;

    /** About 2.5 s at the sensors' rate: what a caller sends. */
    private static final int READINGS = 120;

    private final FormcheckLambda handler;
    private final ObjectMapper mapper;
    private final byte[] direct;
    private final byte[] functionUrl;

    @Inject
    public Priming(FormcheckLambda handler, ObjectMapper mapper, ClassificationService service) throws IOException {
        this.handler = handler;
        this.mapper = mapper;
        List<Map<String, Object>> samples = new ArrayList<>();
        for (int t = 0; t < READINGS; t++) {
            Map<String, Object> sample = new LinkedHashMap<>();
            for (String feature : service.features()) {
                sample.put(feature, (double) t);
            }
            samples.add(sample);
        }
        String body = mapper.writeValueAsString(Map.of("samples", samples));
        this.direct = body.getBytes();
        this.functionUrl = mapper.writeValueAsBytes(Map.of(
                "version",
                "2.0",
                "rawPath",
                "/classify",
                "requestContext",
                Map.of("http", Map.of("method", "POST", "path", "/classify")),
                "headers",
                Map.of("content-type", "application/json"),
                "body",
                body,
                "isBase64Encoded",
                false));
    }

    void register(@Observes StartupEvent event) {
        Core.getGlobalContext().register(this);
    }

    @Override
    public void beforeCheckpoint(Context<? extends Resource> context) throws IOException {
        for (int i = 0; i < ROUNDS; i++) {
            String label = mapper.readTree(invoke(direct)).path("label").asText();
            int status = mapper.readTree(invoke(functionUrl)).path("statusCode").asInt();
            if (label.isEmpty() || status != 200) {
                throw new IllegalStateException("priming did not classify: label '" + label + "', status " + status);
            }
        }
    }

    @Override
    public void afterRestore(Context<? extends Resource> context) {}

    private byte[] invoke(byte[] event) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        handler.handleRequest(new ByteArrayInputStream(event), out, null);
        return out.toByteArray();
    }
}
