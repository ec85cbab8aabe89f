package io.formcheck.function.lambda;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.formcheck.function.Classification;
import io.formcheck.function.ClassificationService;
import io.formcheck.function.ClassifyRequest;
import io.formcheck.function.ModelLoader;
import io.formcheck.function.contract.Contract;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The SnapStart hook classifies through the handler: a direct event and a Function URL event each round. */
class PrimingTest {
    static final ObjectMapper JSON = new ObjectMapper();

    static Priming priming(ClassificationService service) throws Exception {
        FormcheckLambda handler = new FormcheckLambda(new Contract(service, JSON, 6_291_456), JSON);
        return new Priming(handler, JSON, service);
    }

    @Test
    void beforeCheckpointClassifiesBothEventKinds() throws Exception {
        AtomicInteger classified = new AtomicInteger();
        ClassificationService counting = new ClassificationService(ModelLoader.loadBundled(), 64) {
            @Override
            public Classification classify(ClassifyRequest request) {
                Classification answer = super.classify(request);
                classified.incrementAndGet();
                return answer;
            }
        };
        priming(counting).beforeCheckpoint(null);
        assertEquals(2 * Priming.ROUNDS, classified.get());
    }

    @Test
    void aPrimingThatCannotClassifyFailsTheCheckpoint() throws Exception {
        ClassificationService broken = new ClassificationService(ModelLoader.loadBundled(), 64) {
            @Override
            public Classification classify(ClassifyRequest request) {
                throw new IllegalStateException("broken");
            }
        };
        assertThrows(RuntimeException.class, () -> priming(broken).beforeCheckpoint(null));
    }
}
