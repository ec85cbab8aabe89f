package io.formcheck.function.page;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.formcheck.function.testing.Repetitions;
import io.formcheck.trainer.data.RealData;
import io.formcheck.trainer.data.Recording;
import io.formcheck.trainer.data.RepetitionWindow;
import io.formcheck.trainer.data.Windowing;
import io.formcheck.trainer.data.WleCsvReader;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The page in a real browser: the packaged HTTP application and headless Chromium (Debian's chromium and
 * chromium-driver, which .ci/run installs). It loads an example, CSV files with several repetitions and
 * bad files as a user would; the verdict and bars shown must be the function's answer for the same
 * readings, read independently here by the trainer's reader, and an error must be the function's own.
 * Screenshots go to target/page-screenshots/.
 */
class PageIT {
    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path DRIVER = Path.of("/usr/bin/chromedriver");
    static final Path SCREENSHOTS = Path.of("target/page-screenshots");
    static final Windowing BY_TIME = new Windowing.ByTime(2.5, 2.5);
    static final ObjectMapper JSON = new ObjectMapper();

    static Process app;
    static String base;
    static Path profile;
    static WebDriver browser;

    @TempDir
    Path dir;

    @BeforeAll
    static void start() throws Exception {
        assumeTrue(
                Files.isExecutable(CHROMIUM) && Files.isExecutable(DRIVER),
                "no Chromium: apt-get install chromium chromium-driver (.ci/run does)");
        int port;
        try (ServerSocket probe = new ServerSocket(0)) {
            port = probe.getLocalPort();
        }
        base = "http://127.0.0.1:" + port + "/";
        app = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-Dquarkus.http.host=127.0.0.1",
                        "-Dquarkus.http.port=" + port,
                        "-jar",
                        "target/quarkus-app/quarkus-run.jar")
                .redirectErrorStream(true)
                .redirectOutput(Path.of("target/page-it-app.log").toFile())
                .start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!answers("model")) {
            assertTrue(System.nanoTime() < deadline, "the application did not start: see target/page-it-app.log");
            Thread.sleep(100);
        }
        profile = Files.createTempDirectory("formcheck-chromium");
        ChromeOptions options = new ChromeOptions().setBinary(CHROMIUM.toFile());
        options.addArguments(
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--window-size=1200,2000",
                "--user-data-dir=" + profile);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(DRIVER.toFile())
                .build();
        browser = new ChromeDriver(service, options);
        Files.createDirectories(SCREENSHOTS);
    }

    @AfterAll
    static void stop() throws Exception {
        if (browser != null) {
            browser.quit();
        }
        if (app != null) {
            app.destroy();
            app.waitFor();
        }
        if (profile != null) {
            try (Stream<Path> files = Files.walk(profile)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    @BeforeEach
    void openThePage() {
        browser.get(base);
        await(d -> "true".equals(body().getDomAttribute("data-ready")));
    }

    @Test
    void anExampleShowsTheFunctionsVerdictAndItsTraces() throws Exception {
        for (String label : List.of("A", "B", "C", "D", "E")) {
            forget();
            browser.findElement(By.cssSelector("button.example[data-class=" + label + "]"))
                    .click();
            awaitAnswer(0);
            assertShows(classify(wholeFile(example(label))));
        }
        List<WebElement> charts = browser.findElements(By.cssSelector("#charts .chart"));
        assertEquals(
                List.of("belt", "arm", "dumbbell", "forearm"),
                charts.stream().map(c -> c.getDomAttribute("data-sensor")).toList());
        assertTrue(
                legend().containsAll(List.of("roll_belt", "pitch_belt", "yaw_belt", "yaw_forearm")),
                legend()::toString);
        screenshot("example");
        browser.findElement(By.cssSelector("#groups input[value=gyros]")).click();
        assertTrue(legend().containsAll(List.of("gyros_arm_x", "gyros_arm_z")), legend()::toString);
        assertFalse(legend().contains("roll_belt"));
        browser.findElement(By.cssSelector("#sensors input[value=belt]")).click();
        assertEquals(3, browser.findElements(By.cssSelector("#charts .chart")).size());
    }

    @Test
    void aCsvOfSeveralRepetitionsInThePublicLayoutIsCutAsTheTrainerCutsIt() throws Exception {
        // Two examples in one file, as the public pml-*.csv is laid out: a leading row number, quoted text.
        Path file = dir.resolve("two-repetitions.csv");
        List<String> lines = new ArrayList<>();
        lines.add("\"\"," + quoteText(Files.readAllLines(example("B")).get(0)));
        int row = 1;
        for (String label : List.of("B", "D")) {
            List<String> rows = Files.readAllLines(example(label));
            for (String line : rows.subList(1, rows.size())) {
                lines.add("\"" + row++ + "\"," + quoteText(line));
            }
        }
        Files.write(file, lines);
        upload(file);
        List<RepetitionWindow> byTime = WleCsvReader.read(file).windows(BY_TIME).scored();
        assertEquals(byTime.size(), options().size());
        pick(byTime.size() - 1);
        assertShows(classify(byTime.get(byTime.size() - 1)));

        List<RepetitionWindow> byNumWindow = WleCsvReader.read(file).numWindows();
        forget();
        browser.findElement(By.cssSelector("input[name=cut][value=num_window]")).click();
        awaitAnswer(0);
        assertEquals(byNumWindow.size(), options().size());
        assertShows(classify(byNumWindow.get(0)));
        pick(byNumWindow.size() - 1);
        assertShows(classify(byNumWindow.get(byNumWindow.size() - 1)));
        screenshot("csv");
    }

    @Test
    void theFullRateRecordingsAreCutAsTheTrainerCutsThem() throws Exception {
        Path data = RealData.fullRateFile();
        assumeTrue(data != null, RealData.SKIP_MESSAGE);
        Path gz = Files.copy(data, dir.resolve("wle-full-dev.csv.gz"), StandardCopyOption.REPLACE_EXISTING);
        upload(gz);
        List<RepetitionWindow> windows =
                WleCsvReader.read(data).windows(BY_TIME).scored();
        assertEquals(windows.size(), options().size());
        for (int i : List.of(windows.size() / 3, windows.size() - 1)) {
            RepetitionWindow w = windows.get(i);
            assertTrue(options().get(i).startsWith(w.user()), options().get(i));
            assertTrue(
                    options().get(i).contains("from " + w.window() + " (" + w.length() + " readings)"),
                    options().get(i));
            pick(i);
            assertShows(classify(w));
        }
    }

    @Test
    void aBadFileGetsTheFunctionsOwnError() throws Exception {
        List<String> example = Files.readAllLines(example("A"));
        int yawArm = List.of(example.get(0).split(",")).indexOf("yaw_arm");
        Path file = dir.resolve("no-yaw-arm.csv");
        Files.write(file, example.stream().map(l -> dropColumn(l, yawArm)).toList());
        upload(file);
        List<Map<String, Object>> samples = samples(wholeFile(example("A")));
        samples.forEach(s -> s.remove("yaw_arm"));
        assertShowsError(post(Map.of("samples", samples)));
        screenshot("error");

        Path notCsv = Files.writeString(dir.resolve("notes.txt"), "just some notes\n");
        upload(notCsv);
        assertShowsError(post(Map.of("samples", List.of())));
    }

    // --- what the page shows against what the function answers

    /** An example the build cut from the WLE data; the test is skipped in a build without the data. */
    private static Path example(String label) {
        Path file = PageExamples.FOLDER.resolve(label + ".csv");
        assumeTrue(Files.isRegularFile(file), "the page's examples are not built: " + RealData.SKIP_MESSAGE);
        return file;
    }

    private static void assertShows(JsonNode answer) {
        assertEquals(200, answer.path("status").asInt(), answer.toString());
        JsonNode expected = answer.path("body");
        WebElement verdict = browser.findElement(By.id("verdict"));
        assertTrue(verdict.isDisplayed());
        assertFalse(browser.findElement(By.id("error")).isDisplayed());
        assertEquals(expected.path("label").asText(), verdict.getDomAttribute("data-label"));
        assertEquals(expected.path("label").asText(), text("verdict-label"));
        assertEquals(expected.path("description").asText(), text("verdict-description"));
        assertEquals(
                expected.path("confidence").asDouble(), Double.parseDouble(verdict.getDomAttribute("data-confidence")));
        assertEquals(percent(expected.path("confidence").asDouble()), text("verdict-confidence"));
        Map<String, Double> shown = new LinkedHashMap<>();
        for (WebElement bar : browser.findElements(By.cssSelector("#bars .bar"))) {
            double p = Double.parseDouble(bar.getDomAttribute("data-probability"));
            shown.put(bar.getDomAttribute("data-label"), p);
            assertEquals(percent(p), bar.findElement(By.className("value")).getText());
            String width = bar.findElement(By.className("fill")).getDomAttribute("style");
            assertEquals(
                    Double.parseDouble(oneDecimal(100 * p)),
                    Double.parseDouble(width.replaceAll("[^0-9.]", "")),
                    width);
        }
        Map<String, Double> answered = new LinkedHashMap<>();
        expected.path("probabilities")
                .properties()
                .forEach(e -> answered.put(e.getKey(), e.getValue().asDouble()));
        assertEquals(answered, shown);
    }

    private static void assertShowsError(JsonNode answer) {
        await(d -> body().getDomAttribute("data-answered") != null);
        assertEquals(400, answer.path("status").asInt(), answer.toString());
        assertTrue(browser.findElement(By.id("error")).isDisplayed());
        assertFalse(browser.findElement(By.id("verdict")).isDisplayed());
        assertEquals(answer.path("body").path("error").asText(), text("error-message"));
    }

    /** As the page writes it (JavaScript's toFixed(1): the double's exact value, a tie rounded up). */
    private static String percent(double p) {
        return oneDecimal(100 * p) + " %";
    }

    private static String oneDecimal(double x) {
        return new BigDecimal(x).setScale(1, RoundingMode.HALF_UP).toPlainString();
    }

    // --- driving the page

    private static void upload(Path file) {
        forget();
        browser.findElement(By.id("file")).sendKeys(file.toAbsolutePath().toString());
        awaitAnswer(0);
    }

    private static void pick(int index) {
        forget();
        new Select(browser.findElement(By.id("windows"))).selectByIndex(index);
        awaitAnswer(index);
    }

    /** The page marks each answer it shows (data-answered: the repetition's index); forget the last one. */
    private static void forget() {
        ((JavascriptExecutor) browser).executeScript("delete document.body.dataset.answered");
    }

    private static void awaitAnswer(int index) {
        await(d -> String.valueOf(index).equals(body().getDomAttribute("data-answered")));
    }

    private static void await(java.util.function.Function<WebDriver, Boolean> condition) {
        new WebDriverWait(browser, Duration.ofSeconds(60)).until(condition);
    }

    private static WebElement body() {
        return browser.findElement(By.tagName("body"));
    }

    private static String text(String id) {
        return browser.findElement(By.id(id)).getText();
    }

    private static List<String> options() {
        return new Select(browser.findElement(By.id("windows")))
                .getOptions().stream().map(WebElement::getText).toList();
    }

    private static List<String> legend() {
        return browser.findElements(By.cssSelector("#charts .u-legend .u-label")).stream()
                .map(WebElement::getText)
                .toList();
    }

    private static void screenshot(String name) throws IOException {
        Path shot = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE).toPath();
        Files.copy(shot, SCREENSHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
    }

    // --- the function's answer for the same readings

    /** An example is one repetition: every reading of its file, in time order. */
    private static RepetitionWindow wholeFile(Path file) throws Exception {
        List<Recording> recordings = WleCsvReader.read(file).recordings();
        assertEquals(1, recordings.size(), file.toString());
        Recording r = recordings.get(0);
        return new RepetitionWindow(r.user(), "whole", r.label(), "", r.samples());
    }

    private static JsonNode classify(RepetitionWindow w) throws Exception {
        return post(Map.of("samples", samples(w)));
    }

    private static List<Map<String, Object>> samples(RepetitionWindow w) {
        return Repetitions.samples(w.samples());
    }

    /** {"status": ..., "body": ...} of a POST /classify. */
    private static JsonNode post(Object request) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(base + "classify"))
                                .header("Content-Type", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(request)))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        return JSON.createObjectNode().put("status", response.statusCode()).set("body", JSON.readTree(response.body()));
    }

    private static boolean answers(String path) throws InterruptedException {
        try {
            return HttpClient.newHttpClient()
                            .send(
                                    HttpRequest.newBuilder(URI.create(base + path))
                                            .build(),
                                    HttpResponse.BodyHandlers.discarding())
                            .statusCode()
                    == 200;
        } catch (IOException notYet) {
            return false;
        }
    }

    private static String quoteText(String csvLine) {
        String[] fields = csvLine.split(",", -1);
        for (int i = 0; i < fields.length; i++) {
            if (!fields[i].matches("-?[0-9.Ee+-]+")) {
                fields[i] = "\"" + fields[i] + "\"";
            }
        }
        return String.join(",", fields);
    }

    private static String dropColumn(String csvLine, int column) {
        List<String> fields = new ArrayList<>(List.of(csvLine.split(",", -1)));
        fields.remove(column);
        return String.join(",", fields);
    }
}
