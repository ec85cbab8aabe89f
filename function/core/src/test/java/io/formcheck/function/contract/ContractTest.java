package io.formcheck.function.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.ObjectMapper;
import formcheck.InternalFailure;
import io.formcheck.function.Classification;
import io.formcheck.function.ClassificationService;
import io.formcheck.function.ClassifyRequest;
import io.formcheck.function.ModelLoader;
import io.formcheck.function.testing.ContractCases;
import io.formcheck.function.testing.ContractCases.Case;
import io.formcheck.function.testing.ContractCases.Outcome;
import io.formcheck.function.testing.Repetitions;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The contract on its own, without a binding: every case of the suite, and what a failure of ours becomes. */
class ContractTest {
    static final ObjectMapper JSON = new ObjectMapper();
    static Contract contract;

    @BeforeAll
    static void load() throws IOException {
        contract = new Contract(new ClassificationService(ModelLoader.loadBundled(), 64), JSON, 6_291_456);
    }

    static List<Case> cases() {
        return ContractCases.all();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void everyCase(Case c) {
        Answer answer = contract.call(c.method(), c.path(), c.body());
        ContractCases.check(c, answer, Outcome.of(answer), true);
    }

    @Test
    void aFailureOfOursIsAn500WithoutItsMessageOrStackTrace() throws IOException {
        ClassificationService broken = new ClassificationService(ModelLoader.loadBundled(), 64) {
            @Override
            public Classification classify(ClassifyRequest request) {
                throw new IllegalStateException("secret detail");
            }
        };
        Contract failing = new Contract(broken, JSON, 6_291_456);
        byte[] body = JSON.writeValueAsBytes(Repetitions.body(3, 1));
        Answer answer = failing.call("POST", "/classify", body);
        assertEquals(500, answer.status());
        assertEquals("{\"error\":\"internal error\"}", new String(answer.body(), StandardCharsets.UTF_8));
        InternalFailure thrown =
                assertThrows(InternalFailure.class, () -> failing.direct(JSON.readTree(body), body.length));
        assertEquals("internal error", thrown.getMessage());
        assertEquals(0, thrown.getStackTrace().length);
        assertFalse(thrown.toString().contains("secret"));
    }
}
