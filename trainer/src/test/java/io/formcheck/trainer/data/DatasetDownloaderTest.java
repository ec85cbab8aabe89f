package io.formcheck.trainer.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The downloader against a local HTTP server, never the internet. */
class DatasetDownloaderTest {
    static final byte[] BODY = "user_name,num_window\n".getBytes(StandardCharsets.UTF_8);

    @TempDir
    Path cache;

    HttpServer server;
    final AtomicInteger requests = new AtomicInteger();

    @BeforeEach
    void start() throws Exception {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/data/pml-training.csv", exchange -> {
            requests.incrementAndGet();
            exchange.sendResponseHeaders(200, BODY.length);
            exchange.getResponseBody().write(BODY);
            exchange.close();
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    URI uri() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/data/pml-training.csv");
    }

    @Test
    void aMatchingFileIsCachedAndReused() throws Exception {
        String sha = DatasetDownloader.sha256(BODY);
        Path file = DatasetDownloader.fetch(uri(), sha, cache);
        assertArrayEquals(BODY, Files.readAllBytes(file));
        DatasetDownloader.fetch(uri(), sha, cache);
        assertEquals(1, requests.get(), "the second fetch uses the cache");
    }

    @Test
    void aFileWithAnotherChecksumIsRefusedAndNotKept() {
        DataException e =
                assertThrows(DataException.class, () -> DatasetDownloader.fetch(uri(), "00".repeat(32), cache));
        assertTrue(e.getMessage().contains("refusing it"), e.getMessage());
        assertFalse(Files.exists(cache.resolve("pml-training.csv")));
    }

    @Test
    void anHttpErrorIsReported() {
        URI missing = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/nothing/pml-training.csv");
        DataException e = assertThrows(DataException.class, () -> DatasetDownloader.fetch(missing, "00", cache));
        assertTrue(e.getMessage().contains("HTTP 404"), e.getMessage());
    }

    @Test
    void anUnknownHostIsNamedWithTheWayOut() {
        URI nowhere = URI.create("https://formcheck-test.invalid/pml-training.csv");
        DataException e = assertThrows(DataException.class, () -> DatasetDownloader.fetch(nowhere, "00", cache));
        assertTrue(e.getMessage().contains("the host formcheck-test.invalid could not be found"), e.getMessage());
        assertTrue(e.getMessage().contains("--data PATH"), e.getMessage());
        assertFalse(e.getMessage().contains("null"), e.getMessage());
    }

    @Test
    void aRefusedConnectionIsNamed() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 0, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        URI refused = URI.create("http://127.0.0.1:" + closedPort + "/pml-training.csv");
        DataException e = assertThrows(DataException.class, () -> DatasetDownloader.fetch(refused, "00", cache));
        assertTrue(e.getMessage().contains("the host 127.0.0.1 could not be reached"), e.getMessage());
        assertFalse(e.getMessage().contains("null"), e.getMessage());
    }
}
