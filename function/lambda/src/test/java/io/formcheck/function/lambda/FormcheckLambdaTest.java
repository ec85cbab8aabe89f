package io.formcheck.function.lambda;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.formcheck.model.Features;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The handler through Quarkus's mock Lambda event server: each POST is one invocation. */
@QuarkusTest
class FormcheckLambdaTest {
    static final ObjectMapper JSON = new ObjectMapper();

    static List<Map<String, Object>> samples(int steps) {
        List<Map<String, Object>> samples = new ArrayList<>();
        for (int t = 0; t < steps; t++) {
            Map<String, Object> sample = new LinkedHashMap<>();
            for (int j = 0; j < Features.COUNT; j++) {
                sample.put(Features.NAMES.get(j), (t * 7 + j * 13) % 50 - 25.0);
            }
            samples.add(sample);
        }
        return samples;
    }

    static JsonPath invoke(Object event) {
        return given().contentType("application/json")
                .body(event)
                .when()
                .post()
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
    }

    @Test
    void directInvocationClassifies() {
        JsonPath answer = invoke(Map.of("samples", samples(23)));
        assertEquals(
                1.0,
                answer.getMap("probabilities", String.class, Float.class).values().stream()
                        .mapToDouble(Float::doubleValue)
                        .sum(),
                1e-5);
        assertTrue(List.of("A", "B", "C", "D", "E").contains(answer.getString("label")));
    }

    @Test
    void directBatchAndModel() {
        String single = invoke(Map.of("samples", samples(9))).getString("label");
        JsonPath batch =
                invoke(Map.of("repetitions", List.of(Map.of("samples", samples(9)), Map.of("samples", samples(30)))));
        assertEquals(2, batch.getList("results").size());
        assertEquals(single, batch.getString("results[0].label"));
        JsonPath model = invoke(Map.of("function", "model"));
        assertEquals(52, model.getList("features").size());
        assertEquals("A", model.getString("labels[0].name"));
    }

    @Test
    void aBadEventIsALambdaErrorAndTheNextEventIsServed() {
        List<Map<String, Object>> bad = samples(3);
        bad.get(1).remove("pitch_arm");
        given().contentType("application/json")
                .body(Map.of("samples", bad))
                .post()
                .then()
                .statusCode(500)
                .body(containsString("sample 1 lacks feature(s) pitch_arm"))
                .body(containsString("BadRequestException"));
        given().contentType("application/json")
                .body("{\"samples\": [")
                .post()
                .then()
                .statusCode(500)
                .body(containsString("malformed JSON"));
        given().contentType("application/json")
                .body(Map.of("function", "train"))
                .post()
                .then()
                .statusCode(500)
                .body(containsString("unknown function 'train'"));
        invoke(Map.of("samples", samples(5)));
    }

    @Test
    void functionUrlEventGetsAnHttpAnswer() throws Exception {
        String body = JSON.writeValueAsString(Map.of("samples", samples(12)));
        Map<String, Object> event = Map.of(
                "version",
                "2.0",
                "rawPath",
                "/classify",
                "isBase64Encoded",
                true,
                "requestContext",
                Map.of("http", Map.of("method", "POST", "path", "/classify")),
                "body",
                Base64.getEncoder().encodeToString(body.getBytes(StandardCharsets.UTF_8)));
        JsonPath answer = invoke(event);
        assertEquals(200, answer.getInt("statusCode"));
        JsonPath inner = new JsonPath(answer.getString("body"));
        assertEquals(invoke(Map.of("samples", samples(12))).getString("label"), inner.getString("label"));
    }

    @Test
    void apiGatewayEventWithABadBodyGetsA400() {
        Map<String, Object> event = Map.of(
                "httpMethod",
                "POST",
                "path",
                "/prod/classify",
                "requestContext",
                Map.of("stage", "prod"),
                "body",
                "{\"samples\": []}");
        JsonPath answer = invoke(event);
        assertEquals(400, answer.getInt("statusCode"));
        assertEquals("the repetition has no samples", new JsonPath(answer.getString("body")).getString("error"));
    }
}
