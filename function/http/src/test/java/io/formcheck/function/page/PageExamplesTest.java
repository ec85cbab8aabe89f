package io.formcheck.function.page;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.formcheck.trainer.data.RealData;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The page's example repetitions in the build are exactly the windows of the WLE recordings PageExamples names. */
class PageExamplesTest {
    @Test
    void theBuiltExamplesAreTheirWindowsOfTheRecordings() throws Exception {
        Path data = RealData.fullRateFile();
        assumeTrue(data != null, RealData.SKIP_MESSAGE);
        Map<String, String> expected = PageExamples.cut(data);
        assertEquals(5, expected.size());
        for (Map.Entry<String, String> example : expected.entrySet()) {
            String built = Files.readString(PageExamples.FOLDER.resolve(example.getKey()), StandardCharsets.UTF_8);
            assertEquals(example.getValue(), built, example.getKey());
        }
    }
}
