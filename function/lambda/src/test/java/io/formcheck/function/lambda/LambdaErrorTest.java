package io.formcheck.function.lambda;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.formcheck.function.testing.Repetitions;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Through Quarkus's Lambda runtime loop: a bad direct event is a Lambda error, and the function goes on serving. */
@QuarkusTest
class LambdaErrorTest {
    @Test
    void aBadEventIsALambdaErrorAndTheNextEventIsServed() {
        Response failed = given().contentType("application/json")
                .body(Map.of("samples", Repetitions.samples(0, 1)))
                .post();
        assertEquals(500, failed.statusCode());
        JsonPath error = JsonPath.from(failed.asString());
        assertEquals("formcheck.BadInput", error.getString("errorType"));
        assertEquals("the repetition has no samples", error.getString("errorMessage"));
        Response served = given().contentType("application/json")
                .body(Map.of("function", "model"))
                .post();
        assertEquals(200, served.statusCode());
        assertEquals(52, JsonPath.from(served.asString()).getList("features").size());
    }
}
