package io.formcheck.function;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.formcheck.function.ColdStarts.Variant;
import io.formcheck.function.contract.Contract;
import io.formcheck.model.Features;
import io.formcheck.trainer.data.RealData;
import io.formcheck.trainer.data.RepetitionWindow;
import io.formcheck.trainer.data.Windowing;
import io.formcheck.trainer.data.WleCsvReader;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
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
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;

/**
 * The function's numbers, side by side in one run: in-process latency (a 23-reading repetition and a
 * 2.5 s one at the sensors' full rate), cold starts (the HTTP application on JDK 17, on JDK 25 and on
 * JDK 25 with its AOT cache; the Lambda build under AWS's runtime interface client against a Runtime
 * API stand-in), HTTP latency with one client, throughput with several, and resident memory.
 * Run with {@code function/bench.sh}, which builds what it needs and holds the machine's CPU lock.
 */
public final class FunctionBench {
    static final String JVM_FLAGS = "-Xmx96m -XX:+UseSerialGC";
    static final ObjectMapper JSON = new ObjectMapper();
    /** 2.5 s at the original recordings' ~45 readings a second, where they are not at hand. */
    static final int FULL_RATE_READINGS = 114;

    public static void main(String[] args) throws Exception {
        Path http = Path.of(args.length > 0 ? args[0] : "target/quarkus-app").toAbsolutePath();
        Path lambda = Path.of(args.length > 1 ? args[1] : "../lambda/target").toAbsolutePath();
        int clients = args.length > 2 ? Integer.parseInt(args[2]) : 4;
        String java25 = System.getenv().getOrDefault("FORMCHECK_JAVA25", "/usr/lib/jvm/temurin-25-jdk-amd64/bin/java");
        if (!Files.isRegularFile(http.resolve("quarkus-run.jar"))
                || !Files.isDirectory(lambda.resolve("runtime-api"))) {
            System.err.println("error: package the HTTP and Lambda applications first (see function/bench.sh)");
            System.exit(2);
        }
        String body = JSON.writeValueAsString(Map.of("samples", repetition(23)));
        List<Map<String, Object>> fullRateSamples = fullRateRepetition();
        String fullRate = JSON.writeValueAsString(Map.of("samples", fullRateSamples));

        String only = System.getProperty("formcheck.bench.only", "");
        if (only.isEmpty()) {
            ClassificationService service = new ClassificationService(ModelLoader.loadBundled(), 64);
            Contract contract = new Contract(service, JSON, 6_291_456);
            inProcess("23 readings", service, contract, body);
            inProcess(fullRateSamples.size() + " readings (2.5 s at the full rate)", service, contract, fullRate);
        }

        String java17 = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> flags = List.of(JVM_FLAGS.split(" "));
        List<Variant> httpVariants = new ArrayList<>();
        httpVariants.add(new Variant("HTTP, JDK " + Runtime.version().feature(), concat(java17, flags), http));
        boolean has25 = Files.isExecutable(Path.of(java25));
        if (has25) {
            httpVariants.add(new Variant("HTTP, JDK 25", concat(java25, flags), http));
            if (Files.isRegularFile(http.resolve("app.aot"))) {
                httpVariants.add(new Variant(
                        "HTTP, JDK 25 + AOT cache", concat(java25, concat("-XX:AOTCache=app.aot", flags)), http));
                httpVariants.add(new Variant(
                        "HTTP, JDK 25 + AOT cache + C1 only",
                        concat(java25, concat("-XX:AOTCache=app.aot", concat("-XX:TieredStopAtLevel=1", flags))),
                        http));
            } else {
                System.out.println(
                        "HTTP with the AOT cache: skipped, no app.aot (function/http/aot-cache.sh writes it)");
            }
        } else {
            System.out.println("JDK 25 rows: skipped, no JDK 25 at " + java25 + " (set FORMCHECK_JAVA25)");
        }
        for (Map.Entry<String, Path> other : otherBuilds().entrySet()) {
            Path dir = other.getValue();
            httpVariants.add(
                    new Variant(other.getKey() + ", JDK " + Runtime.version().feature(), concat(java17, flags), dir));
            if (has25 && Files.isRegularFile(dir.resolve("app.aot"))) {
                httpVariants.add(new Variant(
                        other.getKey() + ", JDK 25 + AOT cache",
                        concat(java25, concat("-XX:AOTCache=app.aot", flags)),
                        dir));
            }
        }
        if (!only.isEmpty()) {
            httpVariants.removeIf(v -> !Pattern.compile(only).matcher(v.name()).find());
        }
        ColdStarts.compare(
                "cold start to the first classification (" + JVM_FLAGS + ")",
                httpVariants,
                v -> ColdStarts.http(v, body));
        if (!only.isEmpty()) {
            return;
        }

        byte[] event = JSON.writeValueAsBytes(Map.of(
                "version",
                "2.0",
                "rawPath",
                "/classify",
                "requestContext",
                Map.of("http", Map.of("method", "POST", "path", "/classify"), "stage", "$default"),
                "body",
                body,
                "isBase64Encoded",
                false));
        List<Variant> lambdaVariants = new ArrayList<>();
        lambdaVariants.add(new Variant(
                "Lambda, JDK " + Runtime.version().feature(), ColdStarts.lambdaCommand(java17, lambda), lambda));
        if (has25) {
            lambdaVariants.add(new Variant("Lambda, JDK 25", ColdStarts.lambdaCommand(java25, lambda), lambda));
        }
        Map<String, List<Double>> inits = new LinkedHashMap<>();
        ColdStarts.compare(
                "Lambda build under the runtime interface client, process start to the first answer (Function URL event)",
                lambdaVariants,
                v -> ColdStarts.lambda(v, event, inits));
        inits.forEach((name, t) -> System.out.printf(
                Locale.ROOT,
                "  %-34s Init (start to the first poll for an event): median %.0f ms%n",
                name,
                ColdStarts.median(t.stream().mapToDouble(Double::doubleValue).toArray())));

        for (Variant v : httpVariants) {
            steadyState(v, body, clients);
        }
    }

    /** One client's latency, several clients' throughput and resident memory under that load, of one variant. */
    private static void steadyState(Variant v, String body, int clients) throws Exception {
        try (Server s = Server.start(v)) {
            s.awaitFirstAnswer(body);
            HttpClient client =
                    HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
            HttpRequest post = s.post(body);
            double[] latency = time(5_000, () -> client.send(post, HttpResponse.BodyHandlers.ofString()));
            double rate = throughput(s, body, clients, Duration.ofSeconds(10));
            Optional<Double> wrk = Wrk.throughput(s.port(), body, 8, Duration.ofSeconds(10));
            System.out.printf(
                    Locale.ROOT,
                    "%s: HTTP on loopback, one client: median %.3f ms, p90 %.3f ms; %d Java clients: %.0f/s; %s;"
                            + " resident memory peak %d MB (-Xmx96m)%n",
                    v.name(),
                    latency[0],
                    latency[1],
                    clients,
                    rate,
                    wrk.map(r -> String.format(Locale.ROOT, "wrk, 8 connections: %.0f/s", r))
                            .orElse("wrk not installed (apt-get install wrk)"),
                    s.memoryKb("VmHWM") / 1024);
        }
    }

    private static void inProcess(String what, ClassificationService service, Contract contract, String body)
            throws Exception {
        ClassifyRequest request = JSON.readValue(body, ClassifyRequest.class);
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        double[] core = time(20_000, () -> service.classify(request));
        double[] withJson = time(20_000, () -> contract.call("POST", "/classify", bytes));
        System.out.printf(
                Locale.ROOT,
                "in-process classify, %s: median %.3f ms, p90 %.3f ms; with JSON read and written: median %.3f ms%n",
                what,
                core[0],
                core[1],
                withJson[0]);
    }

    /**
     * Other packaged HTTP builds to start beside this one ({@code formcheck.bench.compare}: "NAME=DIR ...",
     * each DIR a quarkus-app directory, e.g. a copy of another commit's build), by name.
     */
    private static Map<String, Path> otherBuilds() {
        Map<String, Path> builds = new LinkedHashMap<>();
        String spec = System.getProperty("formcheck.bench.compare", "").trim();
        for (String entry : spec.isEmpty() ? new String[0] : spec.split("\\s+")) {
            int eq = entry.indexOf('=');
            Path dir = Path.of(entry.substring(eq + 1)).toAbsolutePath();
            if (eq < 1 || !Files.isRegularFile(dir.resolve("quarkus-run.jar"))) {
                throw new IllegalArgumentException(
                        "formcheck.bench.compare: expected NAME=DIR with DIR a packaged quarkus-app, got " + entry);
            }
            builds.put(entry.substring(0, eq), dir);
        }
        return builds;
    }

    private static List<String> concat(String first, List<String> rest) {
        List<String> all = new ArrayList<>(List.of(first));
        all.addAll(rest);
        return all;
    }

    interface Call {
        void run() throws Exception;
    }

    /** Median and p90 in ms of n calls, after n warm-up calls. */
    static double[] time(int n, Call call) throws Exception {
        for (int i = 0; i < n; i++) {
            call.run();
        }
        long[] t = new long[n];
        for (int i = 0; i < n; i++) {
            long t0 = System.nanoTime();
            call.run();
            t[i] = System.nanoTime() - t0;
        }
        Arrays.sort(t);
        return new double[] {t[n / 2] / 1e6, t[n * 9 / 10] / 1e6};
    }

    static double throughput(Server s, String body, int clients, Duration duration) throws InterruptedException {
        AtomicBoolean stop = new AtomicBoolean();
        AtomicLong done = new AtomicLong();
        List<Thread> threads = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            Thread t = new Thread(() -> {
                HttpClient client = HttpClient.newBuilder()
                        .version(HttpClient.Version.HTTP_1_1)
                        .build();
                HttpRequest post = s.post(body);
                while (!stop.get()) {
                    try {
                        if (client.send(post, HttpResponse.BodyHandlers.ofString())
                                        .statusCode()
                                == 200) {
                            done.incrementAndGet();
                        }
                    } catch (IOException | InterruptedException e) {
                        return;
                    }
                }
            });
            t.start();
            threads.add(t);
        }
        Thread.sleep(2_000);
        long before = done.get();
        Thread.sleep(duration.toMillis());
        long after = done.get();
        stop.set(true);
        for (Thread t : threads) {
            t.join();
        }
        return (after - before) * 1000.0 / duration.toMillis();
    }

    /** wrk (a C load generator) leaves more of the two cores to the server than Java clients do. */
    static final class Wrk {
        static Optional<Double> throughput(int port, String body, int connections, Duration duration)
                throws IOException, InterruptedException {
            Path bodyFile = Files.createTempFile("formcheck-body", ".json");
            Path script = Files.createTempFile("formcheck-post", ".lua");
            try {
                Files.writeString(bodyFile, body);
                Files.writeString(
                        script,
                        "wrk.method = \"POST\"\nwrk.headers[\"Content-Type\"] = \"application/json\"\n"
                                + "local f = io.open(\"" + bodyFile + "\")\nwrk.body = f:read(\"*a\")\nf:close()\n");
                Process p;
                try {
                    p = new ProcessBuilder(
                                    "wrk",
                                    "-t1",
                                    "-c" + connections,
                                    "-d" + duration.toSeconds() + "s",
                                    "-s",
                                    script.toString(),
                                    "http://127.0.0.1:" + port + "/classify")
                            .redirectErrorStream(true)
                            .start();
                } catch (IOException notInstalled) {
                    return Optional.empty();
                }
                String out = new String(p.getInputStream().readAllBytes());
                p.waitFor();
                return out.lines()
                        .filter(l -> l.startsWith("Requests/sec:"))
                        .findFirst()
                        .map(l -> Double.parseDouble(
                                l.replace("Requests/sec:", "").trim()));
            } finally {
                Files.deleteIfExists(bodyFile);
                Files.deleteIfExists(script);
            }
        }
    }

    /** The first {@code steps} readings of the first long enough window of the public file, else made-up readings. */
    static List<Map<String, Object>> repetition(int steps) throws Exception {
        Path data = RealData.trainingFile();
        if (data != null) {
            for (RepetitionWindow w : WleCsvReader.read(data).numWindows()) {
                if (w.length() >= steps) {
                    return samples(Arrays.copyOf(w.samples(), steps));
                }
            }
        }
        System.out.println("(no real window of " + steps + " readings at hand: made-up readings)");
        return samples(madeUp(steps));
    }

    /** The first 2.5 s window of the full-rate recordings (about 114 readings), else 114 made-up readings. */
    static List<Map<String, Object>> fullRateRepetition() throws Exception {
        Path data = RealData.fullRateFile();
        if (data != null) {
            List<RepetitionWindow> windows = WleCsvReader.read(data)
                    .windows(new Windowing.ByTime(2.5, 2.5))
                    .scored();
            return samples(windows.get(0).samples());
        }
        System.out.println("(the full-rate recordings are not at hand: made-up readings)");
        return samples(madeUp(FULL_RATE_READINGS));
    }

    private static float[][] madeUp(int steps) {
        float[][] readings = new float[steps][Features.COUNT];
        for (int t = 0; t < steps; t++) {
            for (int j = 0; j < Features.COUNT; j++) {
                readings[t][j] = (t * 31 + j * 7) % 100;
            }
        }
        return readings;
    }

    private static List<Map<String, Object>> samples(float[][] readings) {
        List<Map<String, Object>> samples = new ArrayList<>();
        for (float[] reading : readings) {
            Map<String, Object> sample = new LinkedHashMap<>();
            for (int j = 0; j < Features.COUNT; j++) {
                sample.put(Features.NAMES.get(j), reading[j]);
            }
            samples.add(sample);
        }
        return samples;
    }

    /** The packaged HTTP application in a process of its own on a free loopback port. */
    record Server(Process process, int port) implements AutoCloseable {
        static Server start(Variant v) throws IOException {
            int port;
            try (ServerSocket probe = new ServerSocket(0)) {
                port = probe.getLocalPort();
            }
            List<String> cmd = new ArrayList<>(v.command());
            cmd.addAll(
                    List.of("-Dquarkus.http.host=127.0.0.1", "-Dquarkus.http.port=" + port, "-jar", "quarkus-run.jar"));
            Process p = new ProcessBuilder(cmd)
                    .directory(v.workDir().toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start();
            return new Server(p, port);
        }

        HttpRequest post(String body) {
            return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/classify"))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body))
                    .build();
        }

        void awaitFirstAnswer(String body) throws Exception {
            HttpClient client = HttpClient.newHttpClient();
            long deadline = System.nanoTime() + 60_000_000_000L;
            while (System.nanoTime() < deadline) {
                try {
                    if (client.send(post(body), HttpResponse.BodyHandlers.discarding())
                                    .statusCode()
                            == 200) {
                        return;
                    }
                } catch (IOException notYet) {
                    Thread.sleep(5);
                }
            }
            throw new IllegalStateException("the application did not answer within 60 s");
        }

        long memoryKb(String field) throws IOException {
            for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(process.pid()), "status"))) {
                if (line.startsWith(field + ":")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", ""));
                }
            }
            return -1;
        }

        @Override
        public void close() throws InterruptedException {
            process.destroy();
            process.waitFor();
        }
    }
}
