package io.formcheck.trainer.data;

import io.formcheck.model.AtomicFiles;
import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;

/** Fetches the public training file into a cache folder once, and only keeps it if its sha256 matches. */
public final class DatasetDownloader {
    /** The public pml-training.csv of the WLE course data, and its sha256 (../shared/data/wle/README.md). */
    public static final URI PUBLIC_TRAINING_URI =
            URI.create("https://d396qusza40orc.cloudfront.net/predmachlearn/pml-training.csv");

    public static final String PUBLIC_TRAINING_SHA256 =
            "c12bb33242ff92c5cef93d6d216fdadff4b00bed5f5f7c7fcd853e835d7fbe64";

    private DatasetDownloader() {}

    public static Path defaultCacheDir() {
        return Path.of(System.getProperty("user.home"), ".cache", "formcheck");
    }

    /** The cached file if it is intact, else a fresh download that must match sha256. */
    public static Path fetch(URI uri, String sha256, Path cacheDir) throws DataException {
        String name = Path.of(uri.getPath()).getFileName().toString();
        Path target = cacheDir.resolve(name);
        try {
            if (Files.isRegularFile(target)
                    && sha256(Files.readAllBytes(target)).equals(sha256)) {
                return target;
            }
            System.err.println("Downloading " + uri + " into " + cacheDir + " ...");
            HttpClient client = HttpClient.newBuilder()
                    .followRedirects(HttpClient.Redirect.NORMAL)
                    .connectTimeout(Duration.ofSeconds(20))
                    .build();
            HttpResponse<InputStream> response = client.send(
                    HttpRequest.newBuilder(uri)
                            .timeout(Duration.ofMinutes(5))
                            .GET()
                            .build(),
                    HttpResponse.BodyHandlers.ofInputStream());
            byte[] body;
            try (InputStream in = response.body()) {
                body = in.readAllBytes();
            }
            if (response.statusCode() != 200) {
                throw new DataException("download of " + uri + " failed: HTTP " + response.statusCode());
            }
            String actual = sha256(body);
            if (!actual.equals(sha256)) {
                throw new DataException(
                        "download of " + uri + " has sha256 " + actual + ", expected " + sha256 + "; refusing it");
            }
            AtomicFiles.write(target, out -> out.write(body));
            return target;
        } catch (IOException e) {
            throw new DataException(
                    "download of " + uri + " failed: " + cause(uri, e)
                            + "; give a local copy of the WLE CSV with --data PATH",
                    e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DataException("download of " + uri + " was interrupted", e);
        }
    }

    /**
     * What went wrong, in words: the HTTP client's connection failures carry no message of their own
     * (a ConnectException over an UnresolvedAddressException, both with a null message).
     */
    static String cause(URI uri, IOException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof UnresolvedAddressException || t instanceof UnknownHostException) {
                return "the host " + uri.getHost() + " could not be found (no network or no DNS on this machine?)";
            }
            if (t instanceof HttpTimeoutException) {
                return "no answer from " + uri.getHost() + " in time";
            }
        }
        if (e instanceof ConnectException) {
            return "the host " + uri.getHost()
                    + " could not be reached (no network, or a firewall or proxy in the way?)";
        }
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t.getMessage() != null) {
                return t.getMessage();
            }
        }
        return e.getClass().getSimpleName();
    }

    public static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
