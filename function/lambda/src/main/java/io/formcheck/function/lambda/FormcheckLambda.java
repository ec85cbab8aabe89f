package io.formcheck.function.lambda;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.formcheck.function.BadRequestException;
import io.formcheck.function.BatchRequest;
import io.formcheck.function.ClassificationService;
import io.formcheck.function.ClassifyRequest;
import io.formcheck.function.ErrorAnswer;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;

/**
 * The Lambda entry point. A direct invocation carries the request itself ({"samples": ...} for
 * classify, {"repetitions": ...} for classifyBatch, {"function": "model"} for the description) and a
 * bad one ends in a Lambda error whose message says what is wrong. A Function URL or API Gateway
 * event carries the same JSON in its body and gets an HTTP answer, 400 {"error": ...} for a bad one.
 */
@Named("formcheck")
public class FormcheckLambda implements RequestStreamHandler {
    @Inject
    ClassificationService service;

    @Inject
    ObjectMapper mapper;

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        JsonNode event = parse(new String(input.readAllBytes(), StandardCharsets.UTF_8));
        Object answer = HttpEvent.matches(event) ? http(HttpEvent.of(event)) : invoke(functionOf(event), event);
        mapper.writeValue(output, answer);
    }

    private JsonNode parse(String text) {
        if (text.isBlank()) {
            throw new BadRequestException("missing request body");
        }
        try {
            JsonNode node = mapper.readTree(text);
            if (!node.isObject()) {
                throw new BadRequestException("the request must be a JSON object");
            }
            return node;
        } catch (JsonProcessingException e) {
            throw new BadRequestException("malformed JSON: " + e.getOriginalMessage());
        }
    }

    private static String functionOf(JsonNode event) {
        if (event.hasNonNull("function")) {
            return event.get("function").asText();
        }
        return event.has("repetitions") ? "classifyBatch" : "classify";
    }

    private Object invoke(String function, JsonNode request) {
        return switch (function) {
            case "classify" -> service.classify(convert(request, ClassifyRequest.class));
            case "classifyBatch" -> service.classifyBatch(convert(request, BatchRequest.class));
            case "model" -> service.describe();
            default ->
                throw new BadRequestException("unknown function '" + function + "' (classify, classifyBatch or model)");
        };
    }

    private <T> T convert(JsonNode node, Class<T> type) {
        try {
            return mapper.treeToValue(node, type);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            String detail = e instanceof JsonProcessingException j ? j.getOriginalMessage() : e.getMessage();
            throw new BadRequestException("the request body does not have the expected shape: " + detail);
        }
    }

    private Map<String, Object> http(HttpEvent event) throws JsonProcessingException {
        int status = 200;
        Object body;
        try {
            String function = event.function();
            if (!event.method().equals("POST") && !function.equals("model")) {
                throw new BadRequestException("use POST");
            }
            body = invoke(function, function.equals("model") ? mapper.createObjectNode() : parse(event.body()));
        } catch (BadRequestException e) {
            status = 400;
            body = new ErrorAnswer(e.getMessage());
        }
        return Map.of(
                "statusCode",
                status,
                "headers",
                Map.of("Content-Type", "application/json"),
                "body",
                mapper.writeValueAsString(body),
                "isBase64Encoded",
                false);
    }

    /** The parts of a Function URL, HTTP API (v2) or REST API (v1) event that routing needs. */
    record HttpEvent(String method, String function, String body) {
        static boolean matches(JsonNode event) {
            return event.has("requestContext") && (event.has("rawPath") || event.has("httpMethod"));
        }

        static HttpEvent of(JsonNode event) {
            String path = event.has("rawPath")
                    ? event.get("rawPath").asText()
                    : event.path("path").asText("/");
            String method = event.has("httpMethod")
                    ? event.get("httpMethod").asText()
                    : event.path("requestContext").path("http").path("method").asText("POST");
            String body = event.path("body").asText("");
            if (event.path("isBase64Encoded").asBoolean(false)) {
                body = new String(Base64.getDecoder().decode(body), StandardCharsets.UTF_8);
            }
            String function = path.substring(path.lastIndexOf('/') + 1);
            return new HttpEvent(method, function.isEmpty() ? "classify" : function, body);
        }
    }
}
