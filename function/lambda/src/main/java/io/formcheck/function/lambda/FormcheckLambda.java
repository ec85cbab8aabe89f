package io.formcheck.function.lambda;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.formcheck.function.contract.Answer;
import io.formcheck.function.contract.Contract;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The Lambda entry point, over the same contract as the HTTP application. A Function URL or API
 * Gateway (HTTP API v2, REST API v1) event is an HTTP request: it gets the HTTP answer, status and
 * body, the HTTP application would give (the path without the API's stage names the function). A direct invocation carries the request itself and gets the
 * answer, or a Lambda error whose errorType says the kind (a bad input, an unknown function, a body
 * over the limit, an internal error) and whose errorMessage is the error, without a stack trace.
 */
@Named("formcheck")
public class FormcheckLambda implements RequestStreamHandler {
    private final Contract contract;
    private final ObjectMapper mapper;

    @Inject
    public FormcheckLambda(Contract contract, ObjectMapper mapper) {
        this.contract = contract;
        this.mapper = mapper;
    }

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        byte[] raw = input.readAllBytes();
        JsonNode event = contract.event(raw);
        Object answer = HttpEvent.matches(event) ? http(HttpEvent.of(event)) : contract.direct(event, raw.length);
        mapper.writeValue(output, answer);
    }

    private Map<String, Object> http(HttpEvent event) {
        Answer answer = contract.call(event.method(), event.path(), event.body());
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", Answer.CONTENT_TYPE);
        if (answer.allow() != null) {
            headers.put("Allow", answer.allow());
        }
        Map<String, Object> response = new LinkedHashMap<>();
        response.put("statusCode", answer.status());
        response.put("headers", headers);
        response.put("body", answer.bodyText());
        response.put("isBase64Encoded", false);
        return response;
    }

    /** The parts of a Function URL, HTTP API (v2) or REST API (v1) event that the contract needs. */
    record HttpEvent(String method, String path, byte[] body) {
        static boolean matches(JsonNode event) {
            return event.has("requestContext") && (event.has("rawPath") || event.has("httpMethod"));
        }

        static HttpEvent of(JsonNode event) {
            String path = event.has("rawPath")
                    ? withoutStage(
                            event.get("rawPath").asText(),
                            event.path("requestContext").path("stage").asText("$default"))
                    : event.path("path").asText("/");
            String method = event.has("httpMethod")
                    ? event.get("httpMethod").asText()
                    : event.path("requestContext").path("http").path("method").asText("POST");
            String body = event.path("body").asText("");
            byte[] bytes = event.path("isBase64Encoded").asBoolean(false)
                    ? Base64.getMimeDecoder().decode(body)
                    : body.getBytes(StandardCharsets.UTF_8);
            return new HttpEvent(method, path, bytes);
        }

        /** An HTTP API's rawPath begins with its stage unless that is $default (a Function URL's always is). */
        private static String withoutStage(String rawPath, String stage) {
            String prefix = "/" + stage;
            return !stage.equals("$default") && rawPath.startsWith(prefix + "/")
                    ? rawPath.substring(prefix.length())
                    : rawPath;
        }
    }
}
