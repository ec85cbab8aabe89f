package io.formcheck.function.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The packaged application refuses to run on a missing or damaged model, saying why in one line. */
class StartupFailureIT {
    @TempDir
    Path dir;

    private static String run(Path model) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-Dformcheck.model.path=" + model,
                        "-Dquarkus.http.port=0",
                        "-jar",
                        "target/quarkus-app/quarkus-run.jar")
                .redirectErrorStream(true)
                .start();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "the application stops by itself");
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(1, p.exitValue(), out);
        assertFalse(out.contains("\tat "), "no stack trace:\n" + out);
        return out;
    }

    @Test
    void missingModel() throws Exception {
        String out = run(dir.resolve("absent.fcmodel"));
        assertTrue(
                out.contains("cannot start: model " + dir.resolve("absent.fcmodel") + " is unusable: model file"), out);
    }

    @Test
    void damagedModel() throws Exception {
        byte[] good;
        try (var in = getClass().getClassLoader().getResourceAsStream("formcheck/default.fcmodel")) {
            good = in.readAllBytes();
        }
        good[good.length / 2] ^= 1;
        Path damaged = Files.write(dir.resolve("damaged.fcmodel"), good);
        String out = run(damaged);
        List<String> lines = out.lines().filter(l -> !l.isBlank()).toList();
        assertEquals(
                List.of("cannot start: model " + damaged + " is unusable: model file is damaged (checksum mismatch)"),
                lines);
    }
}
