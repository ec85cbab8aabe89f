package io.formcheck.function;

import io.formcheck.function.testing.RuntimeApiStandIn;
import io.formcheck.function.testing.RuntimeApiStandIn.Post;
import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Cold starts, side by side: each variant started in a process of its own, in alternating rounds,
 * timed from process start to the first classification answered (HTTP: a POST /classify polled until
 * it answers; Lambda: a Function URL event waiting at a Runtime API stand-in, which also notes when
 * Init ended, at the first poll for an event).
 */
final class ColdStarts {
    /** Rounds per comparison: 5, or -Dformcheck.bench.rounds (FORMCHECK_BENCH_ROUNDS for bench.sh). */
    static final int ROUNDS = Integer.getInteger("formcheck.bench.rounds", 5);

    /** A way to start a build: its name and the command line before the application's own arguments. */
    record Variant(String name, List<String> command, Path workDir) {}

    private ColdStarts() {}

    /** Median, min, max in ms per variant; prints each and the ratio of medians to the first variant. */
    static Map<String, double[]> compare(String what, List<Variant> variants, Start start) throws Exception {
        Map<String, double[]> times = new LinkedHashMap<>();
        variants.forEach(v -> times.put(v.name(), new double[ROUNDS]));
        for (int round = 0; round < ROUNDS; round++) {
            for (Variant v : variants) {
                times.get(v.name())[round] = start.firstAnswerMillis(v);
            }
        }
        double base = median(times.get(variants.get(0).name()));
        System.out.printf(Locale.ROOT, "%s, %d alternating rounds:%n", what, ROUNDS);
        times.forEach((name, t) -> System.out.printf(
                Locale.ROOT,
                "  %-34s median %5.0f ms (min %5.0f, max %5.0f), %.2fx the first's time%n",
                name,
                median(t),
                Arrays.stream(t).min().orElseThrow(),
                Arrays.stream(t).max().orElseThrow(),
                median(t) / base));
        return times;
    }

    interface Start {
        double firstAnswerMillis(Variant v) throws Exception;
    }

    static double median(double[] t) {
        double[] s = t.clone();
        Arrays.sort(s);
        return s[s.length / 2];
    }

    /** The HTTP application from process start to its first classification. */
    static double http(Variant v, String body) throws Exception {
        int port;
        try (ServerSocket probe = new ServerSocket(0)) {
            port = probe.getLocalPort();
        }
        List<String> cmd = new ArrayList<>(v.command());
        cmd.addAll(List.of("-Dquarkus.http.host=127.0.0.1", "-Dquarkus.http.port=" + port, "-jar", "quarkus-run.jar"));
        HttpClient client = HttpClient.newHttpClient();
        HttpRequest post = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/classify"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        long t0 = System.nanoTime();
        Process p = new ProcessBuilder(cmd)
                .directory(v.workDir().toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start();
        try {
            long deadline = t0 + 60_000_000_000L;
            while (System.nanoTime() < deadline) {
                try {
                    if (client.send(post, HttpResponse.BodyHandlers.discarding())
                                    .statusCode()
                            == 200) {
                        return (System.nanoTime() - t0) / 1e6;
                    }
                } catch (IOException notYet) {
                    Thread.sleep(2);
                }
            }
            throw new IllegalStateException(v.name() + " did not answer within 60 s");
        } finally {
            p.destroy();
            p.waitFor();
        }
    }

    /**
     * A Lambda build under AWS's runtime interface client, from process start to its first answer (a
     * classification, or an HTTP answer of status 200).
     */
    static double lambda(Variant v, byte[] event, Map<String, List<Double>> initMillis) throws Exception {
        try (RuntimeApiStandIn api = RuntimeApiStandIn.start()) {
            api.offer(event);
            ProcessBuilder pb = new ProcessBuilder(v.command())
                    .directory(v.workDir().toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD);
            pb.environment().put("AWS_LAMBDA_RUNTIME_API", api.address());
            long t0 = System.nanoTime();
            Process p = pb.start();
            try {
                Optional<Post> answer = api.awaitPost(Duration.ofSeconds(60));
                if (answer.isEmpty()
                        || !answer.get().path().endsWith("/response")
                        || !(answer.get().body().contains("label")
                                || answer.get().body().contains("\"statusCode\":200"))) {
                    throw new IllegalStateException(v.name() + " did not answer: " + answer);
                }
                initMillis.computeIfAbsent(v.name(), k -> new ArrayList<>()).add((api.firstPollNanos() - t0) / 1e6);
                return (answer.get().nanos() - t0) / 1e6;
            } finally {
                p.destroy();
                p.waitFor();
            }
        }
    }

    /** The command that runs a Lambda build in {@code dir} the way AWS's Java runtime does. */
    static List<String> lambdaCommand(String java, Path dir) throws IOException {
        String runner;
        try (var files = Files.list(dir)) {
            runner = files.map(f -> f.getFileName().toString())
                    .filter(f -> f.endsWith("-runner.jar"))
                    .findFirst()
                    .orElseThrow(() -> new IllegalStateException("no Lambda build in " + dir));
        }
        return List.of(
                java,
                "-XX:+UseSerialGC",
                "-cp",
                String.join(File.pathSeparator, runner, "lib/*", "runtime-api/*"),
                "com.amazonaws.services.lambda.runtime.api.client.AWSLambda",
                "io.quarkus.amazon.lambda.runtime.QuarkusStreamHandler::handleRequest");
    }
}
