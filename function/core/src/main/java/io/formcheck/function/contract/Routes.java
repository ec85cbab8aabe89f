package io.formcheck.function.contract;

import io.formcheck.function.BatchRequest;
import io.formcheck.function.ClassificationService;
import io.formcheck.function.ClassifyRequest;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The API's functions, for both bindings. Adding a function is one entry here (and its cases in the
 * contract suite, and its paths in openapi.yaml).
 */
public final class Routes {
    public static final List<Route> ALL = List.of(
            Route.post(
                    "classify",
                    ClassifyRequest.class,
                    "samples",
                    "{\"samples\": [{\"roll_belt\": 1.53, ...}, ...]}",
                    ClassificationService::classify),
            Route.post(
                    "classifyBatch",
                    BatchRequest.class,
                    "repetitions",
                    "{\"repetitions\": [{\"samples\": [...]}, ...]}",
                    ClassificationService::classifyBatch),
            Route.read("model", ClassificationService::describe));

    private Routes() {}

    /** The function a direct invocation without a "function" key is for: the first whose key it has. */
    static Route forDirectEvent(Iterable<String> keys) {
        for (Route r : ALL) {
            for (String key : keys) {
                if (key.equals(r.directKey())) {
                    return r;
                }
            }
        }
        return ALL.get(0);
    }

    /** "POST /classify, POST /classifyBatch, GET|POST /model", for a 404's message. */
    static String listing() {
        return ALL.stream().map(Route::usage).collect(Collectors.joining(", "));
    }
}
