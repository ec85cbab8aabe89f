package io.formcheck.function.http;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Every kind of bad request: a 400 with {"error": ...} that says what is wrong, never a stack trace. */
@QuarkusTest
class BadInputTest {
    private static void refused(Object body, String path, String reason) {
        given().contentType(ContentType.JSON)
                .body(body)
                .when()
                .post(path)
                .then()
                .statusCode(400)
                .contentType(ContentType.JSON)
                .body("error", containsString(reason))
                .body(not(containsString("\tat ")));
    }

    private static List<Map<String, Object>> samples(int n) {
        return Repetitions.samples(n, 9);
    }

    @Test
    void malformedJson() {
        refused("{\"samples\": [", "/classify", "malformed JSON");
        refused("{\"samples\": [NaN]}", "/classify", "malformed JSON");
    }

    @Test
    void missingBodyAndNoSamples() {
        refused("", "/classify", "missing request body");
        refused(Map.of(), "/classify", "no samples");
        refused(Map.of("samples", List.of()), "/classify", "no samples");
    }

    @Test
    void wrongShape() {
        refused("{\"samples\": 5}", "/classify", "expected shape");
        refused("{\"repetitions\": {}}", "/classifyBatch", "expected shape");
    }

    @Test
    void missingFeaturesAreNamed() {
        List<Map<String, Object>> s = samples(3);
        s.get(2).remove("yaw_arm");
        s.get(2).remove("magnet_forearm_z");
        refused(Map.of("samples", s), "/classify", "sample 2 lacks feature(s) yaw_arm, magnet_forearm_z");
    }

    @Test
    void nonNumericNullAndInfiniteValues() {
        List<Map<String, Object>> s = samples(2);
        s.get(1).put("roll_belt", "fast");
        refused(Map.of("samples", s), "/classify", "sample 1: roll_belt is not a number");
        s.get(1).put("roll_belt", "NaN");
        refused(Map.of("samples", s), "/classify", "sample 1: roll_belt is not a number");
        s.get(1).put("roll_belt", null);
        refused(Map.of("samples", s), "/classify", "sample 1: roll_belt is null");
        refused("{\"samples\": [{\"roll_belt\": 1e999}]}", "/classify", "roll_belt is not a finite");
    }

    @Test
    void tooManySamplesSaysTheLimit() {
        refused(Map.of("samples", samples(2001)), "/classify", "at most 2000 are accepted");
    }

    @Test
    void oversizedBody() {
        refused("{\"samples\": [\"" + "x".repeat(9 << 20) + "\"]}", "/classify", "larger than the limit");
    }

    @Test
    void badRepetitionInABatchIsNamed() {
        refused(
                Map.of("repetitions", List.of(Map.of("samples", samples(2)), Map.of("samples", List.of()))),
                "/classifyBatch",
                "repetition 1: the repetition has no samples");
        refused(Map.of("repetitions", List.of()), "/classifyBatch", "repetitions is empty");
    }

    @Test
    void unknownFunctionIsA404WithAnError() {
        given().contentType(ContentType.JSON)
                .body("{}")
                .when()
                .post("/classifyy")
                .then()
                .statusCode(404)
                .body("error", containsString("no function"));
    }
}
