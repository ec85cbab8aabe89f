package io.formcheck.function.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import formcheck.BadInput;
import formcheck.InternalFailure;
import formcheck.TooLarge;
import formcheck.UnknownFunction;
import formcheck.WrongMethod;
import io.formcheck.function.contract.Answer;
import io.formcheck.function.contract.Route;
import io.formcheck.function.contract.Routes;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The contract suite's cases: each is one HTTP call (method, path, body) with the status and error it
 * must get. The http module runs them over HTTP, the lambda module as Function URL (v2), API Gateway
 * (v1) and direct events; every binding must give exactly what the contract itself answers, and for
 * a refusal exactly the error written here. Adding a function adds its cases here.
 */
public final class ContractCases {
    static final ObjectMapper JSON = new ObjectMapper();
    static final String FUNCTIONS = "the functions are POST /classify, POST /classifyBatch, GET|POST /model";
    static final String CLASSIFY_SHAPE = "{\"samples\": [{\"roll_belt\": 1.53, ...}, ...]}";
    static final String BATCH_SHAPE = "{\"repetitions\": [{\"samples\": [...]}, ...]}";
    /** formcheck.request.max-body-bytes, the same on both bindings. */
    static final int MAX_BODY = 6_291_456;

    /** error: the exact error, or its beginning when {@code prefix} (where Jackson words the rest). */
    public record Case(String name, String method, String path, byte[] body, int status, String error, boolean prefix) {
        /** A direct invocation has no method: the cases about methods are for HTTP events only. */
        public boolean direct() {
            return method.equals("POST");
        }

        /**
         * The direct invocation that makes the same call: the body itself, naming the function when the
         * body's keys would not pick it; {"function": name} for a function without a body.
         */
        public byte[] directEvent() {
            String function = path.substring(1);
            JsonNode node;
            try {
                node = JSON.readerFor(JsonNode.class)
                        .with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                        .readTree(body);
            } catch (IOException notJson) {
                return body;
            }
            if (node == null || node.isMissingNode()) {
                return Routes.ALL.stream().anyMatch(r -> r.name().equals(function) && r.request() == null)
                        ? bytes(Map.of("function", function))
                        : body;
            }
            if (!node.isObject()) {
                return body;
            }
            List<String> keys = new ArrayList<>();
            node.fieldNames().forEachRemaining(keys::add);
            Route picked = Routes.ALL.stream()
                    .filter(r -> keys.contains(r.directKey()))
                    .findFirst()
                    .orElse(Routes.ALL.get(0));
            return picked.name().equals(function) ? body : bytes(((ObjectNode) node).put("function", function));
        }

        @Override
        public String toString() {
            return name;
        }
    }

    /** What a caller got: status, JSON body and the Allow header (null where there is none). */
    public record Outcome(int status, JsonNode body, String allow) {
        public static Outcome of(Answer answer) {
            return new Outcome(answer.status(), tree(answer.body()), answer.allow());
        }

        /** A direct invocation's Lambda error: its errorType names the kind, hence the status. */
        public static Outcome ofLambdaError(String errorType, String errorMessage) {
            return new Outcome(statusOf(errorType), JSON.createObjectNode().put("error", errorMessage), null);
        }
    }

    private ContractCases() {}

    /** Checks what a binding answered against the case and against the contract's own answer. */
    public static void check(Case c, Answer contract, Outcome got, boolean withAllow) {
        Outcome expected = Outcome.of(contract);
        assertEquals(c.status(), expected.status(), "the contract itself, " + c.name());
        assertEquals(expected.status(), got.status(), c.name() + ": " + got.body());
        assertEquals(expected.body(), got.body(), c.name());
        if (withAllow) {
            assertEquals(expected.allow(), got.allow(), c.name() + ": Allow");
        }
        if (c.error() != null) {
            String error = got.body().path("error").asText();
            assertTrue(c.prefix() ? error.startsWith(c.error()) : error.equals(c.error()), c.name() + ": " + error);
        }
    }

    public static List<Case> all() {
        List<Case> cases = new ArrayList<>();
        cases.add(ok("classify, 23 readings", "/classify", Repetitions.body(23, 1)));
        List<Map<String, Object>> extras = Repetitions.samples(5, 2);
        extras.forEach(s -> s.put("heart_rate", "not a feature"));
        cases.add(ok("classify ignores keys that are not features", "/classify", Map.of("samples", extras)));
        cases.add(ok("classify, 2,000 readings", "/classify", Repetitions.body(2000, 5)));
        cases.add(ok(
                "classifyBatch, two repetitions",
                "/classifyBatch",
                Map.of("repetitions", List.of(Repetitions.body(10, 3), Repetitions.body(30, 4)))));
        cases.add(new Case("model by POST", "POST", "/model", new byte[0], 200, null, false));
        cases.add(new Case("model by GET", "GET", "/model", new byte[0], 200, null, false));

        cases.add(refused(
                "an unknown function", "POST", "/classifyy", "{}", 404, "no function at /classifyy; " + FUNCTIONS));
        cases.add(refused("the root is no function", "POST", "/", "{}", 404, "no function at /; " + FUNCTIONS));
        cases.add(refused(
                "a path below a function",
                "POST",
                "/classify/x",
                "{}",
                404,
                "no function at /classify/x; " + FUNCTIONS));
        cases.add(refused("classify by GET", "GET", "/classify", "", 405, "classify takes POST, not GET"));
        cases.add(refused("model by DELETE", "DELETE", "/model", "", 405, "model takes GET or POST, not DELETE"));

        cases.add(refused("no body", "POST", "/classify", "", 400, "missing request body"));
        cases.add(refused("a blank body", "POST", "/classifyBatch", " \n", 400, "missing request body"));
        cases.add(prefixed("malformed JSON", "/classify", "{\"samples\": [", "malformed JSON at line 1, column 14: "));
        cases.add(prefixed(
                "NaN is not JSON",
                "/classify",
                "{\"samples\": [{\"roll_belt\": NaN}]}",
                "malformed JSON at line 1, column "));
        cases.add(prefixed("something after the object", "/classify", "{} {}", "malformed JSON at line 1, column "));
        cases.add(refused("not an object", "POST", "/classify", "[1, 2]", 400, "the request must be a JSON object"));
        cases.add(refused(
                "samples is not a list",
                "POST",
                "/classify",
                "{\"samples\": 5}",
                400,
                "samples must be a list of objects, one per reading; expected " + CLASSIFY_SHAPE));
        cases.add(refused(
                "a sample is not an object",
                "POST",
                "/classify",
                "{\"samples\": [5]}",
                400,
                "samples[0] must be an object of feature values, e.g. {\"roll_belt\": 1.53, ...}; expected "
                        + CLASSIFY_SHAPE));
        cases.add(refused("no samples", "POST", "/classify", "{}", 400, "the repetition has no samples"));
        cases.add(refused(
                "keys are matched exactly",
                "POST",
                "/classify",
                json(Map.of("Samples", Repetitions.samples(3, 10))),
                400,
                "the repetition has no samples"));
        cases.add(refused(
                "empty samples", "POST", "/classify", "{\"samples\": []}", 400, "the repetition has no samples"));
        cases.add(refused(
                "a null sample",
                "POST",
                "/classify",
                "{\"samples\": [null]}",
                400,
                "sample 0 is null; expected an object of feature values"));
        List<Map<String, Object>> missing = Repetitions.samples(3, 9);
        missing.get(2).remove("yaw_arm");
        missing.get(2).remove("magnet_forearm_z");
        cases.add(refused(
                "missing features are named",
                "/classify",
                missing,
                400,
                "sample 2 lacks feature(s) yaw_arm, magnet_forearm_z"));
        cases.add(
                refused(
                        "many missing features are counted",
                        "POST",
                        "/classify",
                        "{\"samples\": [{\"roll_belt\": 1}]}",
                        400,
                        "sample 0 lacks feature(s) pitch_belt, yaw_belt, total_accel_belt, gyros_belt_x, gyros_belt_y and 46 more"));
        cases.add(refused(
                "a value that is not a number",
                "/classify",
                withValue("fast"),
                400,
                "sample 1: roll_belt is not a number"));
        cases.add(refused("the string NaN", "/classify", withValue("NaN"), 400, "sample 1: roll_belt is not a number"));
        cases.add(refused("a null value", "/classify", withValue(null), 400, "sample 1: roll_belt is null"));
        cases.add(refused(
                "beyond float32",
                "/classify",
                withValue(1e39),
                400,
                "sample 1: roll_belt is not a finite float32 number"));
        cases.add(refused(
                "beyond double",
                "POST",
                "/classify",
                json(Map.of("samples", withValue(0.0))).replace("\"roll_belt\":0.0", "\"roll_belt\":1e999"),
                400,
                "sample 1: roll_belt is not a finite float32 number"));
        cases.add(refused(
                "too many samples",
                "/classify",
                Repetitions.samples(2001, 6),
                400,
                "the repetition has 2001 samples; at most 2000 are accepted"));

        cases.add(refused(
                "repetitions is not a list",
                "POST",
                "/classifyBatch",
                "{\"repetitions\": {}}",
                400,
                "repetitions must be a list of objects, one per repetition, each {\"samples\": [...]}; expected "
                        + BATCH_SHAPE));
        cases.add(refused(
                "a batch without repetitions",
                "POST",
                "/classifyBatch",
                "{}",
                400,
                "the batch has no repetitions: expected " + BATCH_SHAPE));
        cases.add(refused(
                "an empty batch",
                "POST",
                "/classifyBatch",
                "{\"repetitions\": []}",
                400,
                "the batch has no repetitions: expected " + BATCH_SHAPE));
        cases.add(refused(
                "a null repetition",
                "POST",
                "/classifyBatch",
                "{\"repetitions\": [null]}",
                400,
                "repetition 0 is null; expected {\"samples\": [...]}"));
        cases.add(new Case(
                "a bad repetition is named",
                "POST",
                "/classifyBatch",
                bytes(Map.of("repetitions", List.of(Repetitions.body(2, 7), Map.of("samples", List.of())))),
                400,
                "repetition 1: the repetition has no samples",
                false));
        List<Object> many = new ArrayList<>();
        for (int i = 0; i < 65; i++) {
            many.add(Repetitions.body(1, i));
        }
        cases.add(new Case(
                "a batch over the limit",
                "POST",
                "/classifyBatch",
                bytes(Map.of("repetitions", many)),
                400,
                "the batch has 65 repetitions; at most 64 are accepted",
                false));
        String padded = "{\"samples\": [], \"padding\": \"" + "x".repeat(MAX_BODY) + "\"}";
        cases.add(refused(
                "a body over the limit",
                "POST",
                "/classify",
                padded,
                413,
                "the request body is larger than 6291456 bytes, the most either binding takes"));
        return cases;
    }

    /** Three readings whose second has {@code value} for roll_belt. */
    private static List<Map<String, Object>> withValue(Object value) {
        List<Map<String, Object>> samples = Repetitions.samples(3, 8);
        samples.get(1).put("roll_belt", value);
        return samples;
    }

    private static Case ok(String name, String path, Object body) {
        return new Case(name, "POST", path, bytes(body), 200, null, false);
    }

    private static Case refused(String name, String path, List<Map<String, Object>> samples, int status, String error) {
        return new Case(name, "POST", path, bytes(Map.of("samples", samples)), status, error, false);
    }

    private static Case refused(String name, String method, String path, String body, int status, String error) {
        return new Case(name, method, path, body.getBytes(StandardCharsets.UTF_8), status, error, false);
    }

    private static Case prefixed(String name, String path, String body, String error) {
        return new Case(name, "POST", path, body.getBytes(StandardCharsets.UTF_8), 400, error, true);
    }

    private static byte[] bytes(Object body) {
        try {
            return JSON.writeValueAsBytes(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String json(Object body) {
        return new String(bytes(body), StandardCharsets.UTF_8);
    }

    static JsonNode tree(byte[] json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int statusOf(String errorType) {
        Map<String, Integer> statuses = new LinkedHashMap<>();
        statuses.put(BadInput.class.getName(), 400);
        statuses.put(UnknownFunction.class.getName(), 404);
        statuses.put(WrongMethod.class.getName(), 405);
        statuses.put(TooLarge.class.getName(), 413);
        statuses.put(InternalFailure.class.getName(), 500);
        Integer status = statuses.get(errorType);
        if (status == null) {
            throw new AssertionError("a Lambda error of an unexpected type: " + errorType);
        }
        return status;
    }
}
