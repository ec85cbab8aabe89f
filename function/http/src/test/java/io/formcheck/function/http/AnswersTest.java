package io.formcheck.function.http;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.in;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.formcheck.function.testing.Repetitions;
import io.formcheck.model.CnnSchema;
import io.formcheck.model.ForestSchema;
import io.formcheck.model.LstmSchema;
import io.formcheck.model.WindowForestSchema;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
/** What the answers say: a label and probabilities that sum to one, a batch in order, the model described. */
class AnswersTest {
    @Test
    void classifyAnswersWithALabelAndProbabilitiesThatSumToOne() {
        JsonPath answer = given().contentType(ContentType.JSON)
                .body(Repetitions.body(23, 1))
                .when()
                .post("/classify")
                .then()
                .statusCode(200)
                .body("label", is(in(List.of("A", "B", "C", "D", "E"))))
                .body("description", notNullValue())
                .body("model.name", notNullValue())
                .extract()
                .jsonPath();
        Map<String, Float> p = answer.getMap("probabilities", String.class, Float.class);
        assertEquals(List.of("A", "B", "C", "D", "E"), List.copyOf(p.keySet()));
        assertEquals(1.0, p.values().stream().mapToDouble(Float::doubleValue).sum(), 1e-5);
        assertEquals(p.get(answer.getString("label")), answer.getFloat("confidence"));
    }

    @Test
    void batchAnswersEachRepetitionInOrder() {
        Map<String, Object> first = Repetitions.body(10, 3);
        Map<String, Object> second = Repetitions.body(30, 4);
        String label1 = given().contentType(ContentType.JSON)
                .body(first)
                .post("/classify")
                .jsonPath()
                .getString("label");
        String label2 = given().contentType(ContentType.JSON)
                .body(second)
                .post("/classify")
                .jsonPath()
                .getString("label");
        given().contentType(ContentType.JSON)
                .body(Map.of("repetitions", List.of(first, second)))
                .when()
                .post("/classifyBatch")
                .then()
                .statusCode(200)
                .body("results", hasSize(2))
                .body("results[0].label", equalTo(label1))
                .body("results[1].label", equalTo(label2));
    }

    @Test
    void modelDescribesTheLoadedModel() {
        given().contentType(ContentType.JSON)
                .when()
                .get("/model")
                .then()
                .statusCode(200)
                .body("features", hasSize(52))
                .body("features[0]", equalTo("roll_belt"))
                .body("labels.name", equalTo(List.of("A", "B", "C", "D", "E")))
                .body("labels[0].description", equalTo("Correct execution"))
                .body(
                        "architecture.architecture",
                        is(in(List.of(
                                LstmSchema.ARCHITECTURE,
                                CnnSchema.ARCHITECTURE,
                                ForestSchema.ARCHITECTURE,
                                WindowForestSchema.ARCHITECTURE))))
                .body("training.data_sha256", notNullValue())
                .body("maxSamples", equalTo(2000));
    }
}
