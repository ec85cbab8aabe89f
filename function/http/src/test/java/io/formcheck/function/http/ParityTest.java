package io.formcheck.function.http;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.formcheck.function.ModelLoader;
import io.formcheck.function.testing.Repetitions;
import io.formcheck.model.Classifier;
import io.formcheck.trainer.data.RealData;
import io.formcheck.trainer.data.RepetitionWindow;
import io.formcheck.trainer.data.WleCsvReader;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** On real windows, the HTTP answers equal what the trainer's evaluate computes with the same model. */
@QuarkusTest
class ParityTest {
    @Test
    void labelsAndProbabilitiesMatchTheTrainer() throws Exception {
        Path file = RealData.trainingFile();
        assumeTrue(file != null, RealData.SKIP_MESSAGE);
        Classifier trainerSide = ModelLoader.loadBundled();
        List<RepetitionWindow> windows = WleCsvReader.read(file).numWindows();
        for (int i = 0; i < windows.size(); i += 7) {
            RepetitionWindow w = windows.get(i);
            float[] expected = trainerSide.probabilities(w.samples());
            JsonPath answer = given().contentType(ContentType.JSON)
                    .body(Map.of("samples", Repetitions.samples(w.samples())))
                    .post("/classify")
                    .then()
                    .statusCode(200)
                    .extract()
                    .jsonPath();
            assertEquals(
                    trainerSide.labels().get(Classifier.argmax(expected)), answer.getString("label"), "window " + i);
            for (int k = 0; k < expected.length; k++) {
                assertEquals(
                        expected[k],
                        answer.getFloat("probabilities." + trainerSide.labels().get(k)),
                        0f,
                        "window " + i + " class " + k);
            }
        }
    }
}
