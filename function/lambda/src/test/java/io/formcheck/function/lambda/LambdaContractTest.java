package io.formcheck.function.lambda;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.formcheck.function.contract.Contract;
import io.formcheck.function.testing.ContractCases;
import io.formcheck.function.testing.ContractCases.Case;
import io.formcheck.function.testing.ContractCases.Outcome;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The contract suite on Lambda, through Quarkus's mock event server (each POST is one invocation of the
 * handler): every case as a Function URL event (v2, body base64-encoded) and an API Gateway REST event
 * (v1, under a stage); and, where it has no method to test, as a direct invocation of the handler.
 */
@QuarkusTest
class LambdaContractTest {
    static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    Contract contract;

    @Inject
    FormcheckLambda handler;

    static Stream<Arguments> cases() {
        return ContractCases.all().stream()
                .flatMap(c -> Stream.of("function URL (v2)", "API Gateway (v1)", "direct")
                        .filter(kind -> !kind.equals("direct") || c.direct())
                        .map(kind -> Arguments.of(kind, c)));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("cases")
    void onLambda(String kind, Case c) throws Exception {
        Outcome got = switch (kind) {
            case "function URL (v2)" -> http(invoke(functionUrlEvent(c)));
            case "API Gateway (v1)" -> http(invoke(restApiEvent(c)));
            default -> direct(c.directEvent());
        };
        ContractCases.check(c, contract.call(c.method(), c.path(), c.body()), got, !kind.equals("direct"));
    }

    static byte[] functionUrlEvent(Case c) throws Exception {
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("version", "2.0");
        event.put("rawPath", c.path());
        event.put("headers", Map.of("content-type", "application/json"));
        event.put(
                "requestContext", Map.of("http", Map.of("method", c.method(), "path", c.path()), "stage", "$default"));
        event.put("body", Base64.getEncoder().encodeToString(c.body()));
        event.put("isBase64Encoded", true);
        return JSON.writeValueAsBytes(event);
    }

    static byte[] restApiEvent(Case c) throws Exception {
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("resource", "/{proxy+}");
        event.put("path", c.path());
        event.put("httpMethod", c.method());
        event.put("headers", Map.of("Content-Type", "application/json"));
        event.put("requestContext", Map.of("stage", "prod", "path", "/prod" + c.path()));
        event.put("body", c.body().length == 0 ? null : new String(c.body(), StandardCharsets.UTF_8));
        event.put("isBase64Encoded", false);
        return JSON.writeValueAsBytes(event);
    }

    static Response invoke(byte[] event) {
        return given().contentType("application/json").body(event).when().post();
    }

    /** An HTTP event's answer is an HTTP response: statusCode, headers and the body as text. */
    static Outcome http(Response response) throws Exception {
        JsonNode answer = JSON.readTree(response.asByteArray());
        String allow = answer.path("headers").path("Allow").asText(null);
        return new Outcome(
                answer.path("statusCode").asInt(),
                JSON.readTree(answer.path("body").asText()),
                allow);
    }

    /**
     * A direct invocation, through the handler as AWS's runtime calls it (the mock event server would
     * re-encode the event's JSON): the answer, or the exception the runtime turns into a Lambda error
     * (errorType its class, errorMessage its message, and its stack trace, which must be empty).
     */
    Outcome direct(byte[] event) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            handler.handleRequest(new ByteArrayInputStream(event), out, null);
        } catch (RuntimeException e) {
            assertEquals(0, e.getStackTrace().length, "a Lambda error would send the stack trace");
            return Outcome.ofLambdaError(e.getClass().getName(), e.getMessage());
        }
        return new Outcome(200, JSON.readTree(out.toByteArray()), null);
    }
}
