package io.formcheck.function.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A Lambda Runtime API on loopback, enough for AWS's runtime interface client: it hands out the events
 * offered to it, one per {@code next} poll (holding the poll until there is one), and records every
 * answer, invocation error and init error, with the time each arrived.
 */
public final class RuntimeApiStandIn implements AutoCloseable {
    private static final String BASE = "/2018-06-01/runtime/";

    /** What the function posted: to which path (…/response, …/error, init/error), the body, when (System.nanoTime). */
    public record Post(String path, String body, long nanos) {}

    private final HttpServer server;
    private final BlockingQueue<byte[]> events = new LinkedBlockingQueue<>();
    private final BlockingQueue<Post> posts = new LinkedBlockingQueue<>();
    private final List<Post> all = new CopyOnWriteArrayList<>();
    private final AtomicInteger polls = new AtomicInteger();
    private volatile long firstPollNanos;
    private final AtomicInteger ids = new AtomicInteger();

    private RuntimeApiStandIn() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext(BASE, this::handle);
        server.setExecutor(Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "runtime-api-stand-in");
            t.setDaemon(true);
            return t;
        }));
        server.start();
    }

    public static RuntimeApiStandIn start() throws IOException {
        return new RuntimeApiStandIn();
    }

    /** host:port, for AWS_LAMBDA_RUNTIME_API. */
    public String address() {
        return "127.0.0.1:" + server.getAddress().getPort();
    }

    public void offer(byte[] event) {
        events.add(event);
    }

    /** The next thing the function posts (an answer or an error), if it comes within the timeout. */
    public Optional<Post> awaitPost(Duration timeout) throws InterruptedException {
        return Optional.ofNullable(posts.poll(timeout.toMillis(), TimeUnit.MILLISECONDS));
    }

    /** Everything posted so far. */
    public List<Post> posts() {
        return List.copyOf(all);
    }

    /** How many times the function asked for the next event. */
    public int polls() {
        return polls.get();
    }

    /** When the function first asked for an event (System.nanoTime), its Init done; 0 if it never did. */
    public long firstPollNanos() {
        return firstPollNanos;
    }

    private void handle(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath().substring(BASE.length());
        try (exchange) {
            if (exchange.getRequestMethod().equals("GET") && path.equals("invocation/next")) {
                if (polls.getAndIncrement() == 0) {
                    firstPollNanos = System.nanoTime();
                }
                byte[] event = events.take();
                String id = "request-" + ids.incrementAndGet();
                exchange.getResponseHeaders().add("Lambda-Runtime-Aws-Request-Id", id);
                exchange.getResponseHeaders()
                        .add("Lambda-Runtime-Deadline-Ms", String.valueOf(System.currentTimeMillis() + 60_000));
                exchange.getResponseHeaders()
                        .add(
                                "Lambda-Runtime-Invoked-Function-Arn",
                                "arn:aws:lambda:us-east-1:000000000000:function:formcheck");
                exchange.getResponseHeaders()
                        .add("Lambda-Runtime-Trace-Id", "Root=1-00000000-000000000000000000000000");
                exchange.getResponseHeaders().add("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, event.length);
                exchange.getResponseBody().write(event);
                return;
            }
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            Post post = new Post(path, body, System.nanoTime());
            all.add(post);
            posts.add(post);
            exchange.sendResponseHeaders(202, -1);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
