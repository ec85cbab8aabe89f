package io.formcheck.function.http;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.dialect.OpenApi31;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * The served OpenAPI document against the running application: every request example in it is sent,
 * and the answer must have the status of the response that holds an example of the same name and
 * validate against that response's schema; every example answer validates against its own schema.
 */
@QuarkusTest
class OpenApiTest {
    static final String DOCUMENT = "https://formcheck.invalid/openapi.yaml";
    static final JsonMapper JSON = JsonMapper.builder().build();

    JsonNode document;
    SchemaRegistry schemas;

    @BeforeEach
    void load() {
        String text = given().when()
                .get("/openapi.yaml")
                .then()
                .statusCode(200)
                .extract()
                .asString();
        document = new YAMLMapper().readTree(text);
        assertEquals("3.1.0", document.path("openapi").asString());
        schemas = SchemaRegistry.withDefaultDialect(OpenApi31.getInstance(), b -> b.schemas(Map.of(DOCUMENT, text)));
    }

    @Test
    void everyRequestExampleGetsTheDocumentedAnswer() {
        int sent = 0;
        for (var path : document.path("paths").properties()) {
            for (var operation : path.getValue().properties()) {
                String method = operation.getKey().toUpperCase();
                JsonNode examples = operation
                        .getValue()
                        .path("requestBody")
                        .path("content")
                        .path("application/json")
                        .path("examples");
                if (examples.isMissingNode()) {
                    Response response = given().when().request(method, path.getKey());
                    assertValid(responsePointer(path.getKey(), operation.getKey(), "200"), response, 200);
                    sent++;
                    continue;
                }
                for (var example : examples.properties()) {
                    String status = statusWithExample(operation.getValue(), example.getKey());
                    JsonNode value = example.getValue().path("value");
                    if (status.equals("200")) {
                        String request = "#/paths/" + escape(path.getKey()) + "/" + operation.getKey()
                                + "/requestBody/content/application~1json/schema";
                        assertNoErrors(request, schema(request).validate(value), example.getKey());
                    }
                    Response response = given().contentType("application/json")
                            .body(JSON.writeValueAsString(value))
                            .when()
                            .request(method, path.getKey());
                    assertValid(
                            responsePointer(path.getKey(), operation.getKey(), status),
                            response,
                            Integer.parseInt(status));
                    sent++;
                }
            }
        }
        assertTrue(sent >= 7, "examples sent: " + sent);
    }

    @Test
    void everyExampleAnswerFitsItsSchema() {
        List<String> checked = new ArrayList<>();
        for (var path : document.path("paths").properties()) {
            for (var operation : path.getValue().properties()) {
                for (var response : operation.getValue().path("responses").properties()) {
                    String pointer = responsePointer(path.getKey(), operation.getKey(), response.getKey());
                    JsonNode examples = at(pointer.replaceAll("/schema$", "/examples"));
                    for (var example : examples.properties()) {
                        assertNoErrors(
                                pointer,
                                schema(pointer).validate(example.getValue().path("value")),
                                example.getKey());
                        checked.add(example.getKey());
                    }
                }
            }
        }
        assertFalse(checked.isEmpty());
    }

    /** The status of the response that has an example named like the request example. */
    private static String statusWithExample(JsonNode operation, String example) {
        for (var response : operation.path("responses").properties()) {
            if (response.getValue()
                    .path("content")
                    .path("application/json")
                    .path("examples")
                    .has(example)) {
                return response.getKey();
            }
        }
        throw new AssertionError("no response has an example named " + example);
    }

    /** Where a response's schema is, through a $ref to components/responses if there is one. */
    private String responsePointer(String path, String method, String status) {
        String pointer = "#/paths/" + escape(path) + "/" + method + "/responses/" + status;
        JsonNode response = at(pointer);
        assertFalse(response.isMissingNode(), "no response " + status + " documented for " + method + " " + path);
        if (response.has("$ref")) {
            pointer = response.get("$ref").asString();
        }
        return pointer + "/content/application~1json/schema";
    }

    private void assertValid(String pointer, Response response, int status) {
        assertEquals(status, response.statusCode(), response.asString());
        JsonNode body = JSON.readTree(response.asString());
        assertNoErrors(pointer, schema(pointer).validate(body), response.asString());
    }

    private static void assertNoErrors(String pointer, List<Error> errors, String what) {
        assertTrue(errors.isEmpty(), pointer + ": " + errors + "\n" + what);
    }

    private Schema schema(String pointer) {
        return schemas.getSchema(SchemaLocation.of(DOCUMENT + pointer));
    }

    private JsonNode at(String pointer) {
        return document.at(pointer.substring(1));
    }

    private static String escape(String path) {
        return path.replace("~", "~0").replace("/", "~1");
    }
}
