package io.formcheck.function.lambda;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.formcheck.function.testing.RuntimeApiStandIn;
import io.formcheck.function.testing.RuntimeApiStandIn.Post;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The packaged Lambda run as AWS's Java runtime runs it (the runtime interface client and Quarkus's
 * handler) against a Runtime API stand-in: with an unusable model, Init fails and no event is answered.
 */
class InitFailureIT {
    static Process lambda(RuntimeApiStandIn api, String modelPath) throws IOException {
        Path target = Path.of("target");
        String runner;
        try (var files = Files.list(target)) {
            runner = files.map(Path::toString)
                    .filter(p -> p.endsWith("-runner.jar"))
                    .findFirst()
                    .orElseThrow();
        }
        ProcessBuilder pb = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-XX:+UseSerialGC",
                        "-cp",
                        String.join(File.pathSeparator, runner, "target/lib/*", "target/runtime-api/*"),
                        "com.amazonaws.services.lambda.runtime.api.client.AWSLambda",
                        "io.quarkus.amazon.lambda.runtime.QuarkusStreamHandler::handleRequest")
                .redirectErrorStream(true);
        pb.environment().put("AWS_LAMBDA_RUNTIME_API", api.address());
        if (modelPath != null) {
            pb.environment().put("FORMCHECK_MODEL_PATH", modelPath);
        }
        return pb.start();
    }

    static final byte[] MODEL_EVENT = "{\"function\": \"model\"}".getBytes(StandardCharsets.UTF_8);

    @Test
    void aMissingModelFailsInitAndNoEventIsAnswered() throws Exception {
        try (RuntimeApiStandIn api = RuntimeApiStandIn.start()) {
            api.offer(MODEL_EVENT);
            Process p = lambda(api, "/missing/model.fcmodel");
            assertTrue(p.waitFor(60, TimeUnit.SECONDS), "the process ends by itself");
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertNotEquals(0, p.exitValue(), out);
            List<Post> posts = api.posts();
            assertEquals(1, posts.size(), "one post, the init error: " + posts + "\n" + out);
            assertEquals("init/error", posts.get(0).path());
            // The init error names Quarkus's start-up; the runtime logs the cause chain, which says why.
            assertTrue(out.contains("cannot start: model /missing/model.fcmodel is unusable"), out);
            assertEquals(0, api.polls(), "the function never asked for an event");
        }
    }

    /** The control: the same run with the bundled model answers the event. */
    @Test
    void theBundledModelAnswers() throws Exception {
        try (RuntimeApiStandIn api = RuntimeApiStandIn.start()) {
            api.offer(MODEL_EVENT);
            Process p = lambda(api, null);
            try {
                Optional<Post> post = api.awaitPost(Duration.ofSeconds(60));
                assertTrue(post.isPresent(), "an answer within 60 s");
                assertEquals("invocation/request-1/response", post.get().path());
                assertTrue(
                        post.get().body().contains("\"features\""), post.get().body());
            } finally {
                p.destroy();
                p.waitFor();
            }
        }
    }
}
