package io.formcheck.function;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.formcheck.model.Features;
import io.formcheck.trainer.data.RealData;
import io.formcheck.trainer.data.RepetitionWindow;
import io.formcheck.trainer.data.WleCsvReader;
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
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The function's numbers, side by side in one run: in-process latency, cold start of the packaged
 * JVM application, HTTP latency with one client, throughput with several, and resident memory.
 * Run with {@code function/bench.sh} after packaging.
 */
public final class FunctionBench {
    static final String JVM_FLAGS = "-Xmx96m -XX:+UseSerialGC";
    static final ObjectMapper JSON = new ObjectMapper();

    public static void main(String[] args) throws Exception {
        Path app = Path.of(args.length > 0 ? args[0] : "target/quarkus-app/quarkus-run.jar");
        int clients = args.length > 1 ? Integer.parseInt(args[1]) : 4;
        if (!Files.isRegularFile(app)) {
            System.err.println(
                    "error: " + app + " not found: package the HTTP application first (see function/bench.sh)");
            System.exit(2);
        }
        String body = JSON.writeValueAsString(Map.of("samples", repetition(23)));

        ClassificationService service = new ClassificationService(ModelLoader.loadBundled(), 64);
        ClassifyRequest request = JSON.readValue(body, ClassifyRequest.class);
        double[] core = time(20_000, () -> service.classify(request));
        double[] withJson = time(
                20_000, () -> JSON.writeValueAsString(service.classify(JSON.readValue(body, ClassifyRequest.class))));
        System.out.printf(
                Locale.ROOT, "in-process classify, 23 readings: median %.3f ms, p90 %.3f ms%n", core[0], core[1]);
        System.out.printf(
                Locale.ROOT,
                "in-process with JSON parse and write: median %.3f ms, p90 %.3f ms%n",
                withJson[0],
                withJson[1]);

        double[] starts = new double[5];
        for (int i = 0; i < starts.length; i++) {
            try (Server s = Server.start(app)) {
                starts[i] = s.firstAnswerMillis(body);
            }
        }
        Arrays.sort(starts);
        System.out.printf(
                Locale.ROOT,
                "cold start (%s) to first classification: median %.0f ms (min %.0f, max %.0f)%n",
                JVM_FLAGS,
                starts[2],
                starts[0],
                starts[4]);

        try (Server s = Server.start(app)) {
            s.firstAnswerMillis(body);
            HttpClient client =
                    HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
            HttpRequest post = s.post(body);
            double[] http = time(5_000, () -> client.send(post, HttpResponse.BodyHandlers.ofString()));
            System.out.printf(
                    Locale.ROOT, "HTTP on loopback, one client: median %.3f ms, p90 %.3f ms%n", http[0], http[1]);
            double rate = throughput(s, body, clients, Duration.ofSeconds(10));
            System.out.printf(
                    Locale.ROOT, "HTTP throughput, %d Java clients for 10 s: %.0f classifications/s%n", clients, rate);
            Optional<Double> wrk = Wrk.throughput(s.port(), body, 8, Duration.ofSeconds(10));
            wrk.ifPresentOrElse(
                    r -> System.out.printf(
                            Locale.ROOT,
                            "HTTP throughput, wrk with 8 connections for 10 s: %.0f classifications/s%n",
                            r),
                    () -> System.out.println(
                            "HTTP throughput with wrk: skipped, wrk is not installed (apt-get install wrk)"));
            System.out.printf(
                    Locale.ROOT,
                    "resident memory: peak %d MB (VmHWM), now %d MB, heap limit -Xmx96m%n",
                    s.memoryKb("VmHWM") / 1024,
                    s.memoryKb("VmRSS") / 1024);
        }
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

    /** A real 23-reading window where the data is at hand, else made-up readings. */
    static List<Map<String, Object>> repetition(int steps) throws Exception {
        float[][] readings = null;
        Path data = RealData.trainingFile();
        if (data != null) {
            for (RepetitionWindow w : WleCsvReader.read(data).numWindows()) {
                if (w.length() >= steps) {
                    readings = Arrays.copyOf(w.samples(), steps);
                    break;
                }
            }
        }
        List<Map<String, Object>> samples = new ArrayList<>();
        for (int t = 0; t < steps; t++) {
            Map<String, Object> sample = new LinkedHashMap<>();
            for (int j = 0; j < Features.COUNT; j++) {
                sample.put(
                        Features.NAMES.get(j), readings == null ? (double) ((t * 31 + j * 7) % 100) : readings[t][j]);
            }
            samples.add(sample);
        }
        return samples;
    }

    /** The packaged application in a process of its own on a free loopback port. */
    record Server(Process process, int port, long startNanos) implements AutoCloseable {
        static Server start(Path app) throws IOException {
            int port;
            try (ServerSocket probe = new ServerSocket(0)) {
                port = probe.getLocalPort();
            }
            List<String> cmd = new ArrayList<>(List.of(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString()));
            cmd.addAll(List.of(JVM_FLAGS.split(" ")));
            cmd.addAll(List.of("-Dquarkus.http.host=127.0.0.1", "-Dquarkus.http.port=" + port, "-jar", app.toString()));
            long t0 = System.nanoTime();
            Process p = new ProcessBuilder(cmd)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start();
            return new Server(p, port, t0);
        }

        HttpRequest post(String body) {
            return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/classify"))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body))
                    .build();
        }

        /** Polls until the first classification is answered; ms from process start. */
        double firstAnswerMillis(String body) throws Exception {
            HttpClient client = HttpClient.newHttpClient();
            long deadline = System.nanoTime() + 30_000_000_000L;
            while (System.nanoTime() < deadline) {
                try {
                    if (client.send(post(body), HttpResponse.BodyHandlers.ofString())
                                    .statusCode()
                            == 200) {
                        return (System.nanoTime() - startNanos) / 1e6;
                    }
                } catch (IOException notYet) {
                    Thread.sleep(5);
                }
            }
            throw new IllegalStateException("the application did not answer within 30 s");
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
