package org.hotplugemu.tracing;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;

/**
 * A real headless Chromium driven over the Chrome DevTools Protocol (a WebSocket on localhost, the
 * JDK's client, no driver binary): opens a page, evaluates script, moves and clicks the mouse and
 * takes screenshots. Without a Chromium the test is skipped, except under {@code CI=true}, where
 * it fails: there the browser is installed and the test must run.
 */
public final class TestingChromium implements AutoCloseable {
    private static final long TIMEOUT_SECONDS = 60;
    private static final Pattern LISTENING = Pattern.compile("DevTools listening on (ws://\\S+)");

    private final Process process;
    private final WebSocket socket;
    private final AtomicInteger ids = new AtomicInteger();
    private final Map<Integer, CompletableFuture<Map<String, Object>>> pending = new ConcurrentHashMap<>();
    private final List<Map<String, Object>> events = new CopyOnWriteArrayList<>();
    private final List<CompletableFuture<Void>> loads = new CopyOnWriteArrayList<>();
    private String session;
    private String target;

    private TestingChromium(Process process, URI endpoint) throws Exception {
        this.process = process;
        this.socket = HttpClient.newHttpClient().newWebSocketBuilder().buildAsync(endpoint, new Listener())
                .get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
    }

    /** Finds Chromium ({@code CHROME_BIN}, else {@code chromium} or {@code google-chrome} on the PATH). */
    private static Path binary() {
        List<String> candidates = new ArrayList<>();
        String configured = System.getenv("CHROME_BIN");
        if (configured != null && !configured.isBlank()) {
            candidates.add(configured);
        }
        for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin").split(":")) {
            for (String name : List.of("chromium", "chromium-browser", "google-chrome")) {
                candidates.add(dir + "/" + name);
            }
        }
        for (String candidate : candidates) {
            Path path = Path.of(candidate);
            if (Files.isExecutable(path)) {
                return path;
            }
        }
        String message = "no Chromium found (set CHROME_BIN or install the Debian packages chromium and chromium-driver)";
        if ("true".equals(System.getenv("CI"))) {
            throw new AssertionError(message + "; CI must run the browser tests");
        }
        Assumptions.abort(message);
        return null;
    }

    /** Starts a headless Chromium with a fresh profile in {@code profileDir} and a 1400×1000 window. */
    public static TestingChromium launch(Path profileDir) throws Exception {
        List<String> command = List.of(binary().toString(), "--headless", "--no-sandbox", "--disable-gpu",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--disable-extensions", "--disable-dev-shm-usage", "--remote-debugging-address=127.0.0.1",
                "--remote-debugging-port=0", "--window-size=1400,1000", "--user-data-dir=" + profileDir, "about:blank");
        Process process = new ProcessBuilder(command).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        CompletableFuture<URI> endpoint = new CompletableFuture<>();
        StringBuilder log = new StringBuilder();
        Thread reader = new Thread(() -> {
            try (BufferedReader err = new BufferedReader(new InputStreamReader(process.getErrorStream(), StandardCharsets.UTF_8))) {
                for (String line = err.readLine(); line != null; line = err.readLine()) {
                    Matcher matcher = LISTENING.matcher(line);
                    if (matcher.find()) {
                        endpoint.complete(URI.create(matcher.group(1)));
                    } else if (!endpoint.isDone()) {
                        log.append(line).append('\n');
                    }
                }
            } catch (IOException e) {
                endpoint.completeExceptionally(e);
            }
            endpoint.completeExceptionally(new IOException("Chromium exited without a DevTools endpoint:\n" + log));
        }, "chromium-stderr");
        reader.setDaemon(true);
        reader.start();
        try {
            return new TestingChromium(process, endpoint.get(TIMEOUT_SECONDS, TimeUnit.SECONDS));
        } catch (Exception e) {
            process.destroyForcibly();
            throw e;
        }
    }

    /** Opens {@code file} in a new tab (closing the previous one) and waits for its load event. */
    public void open(Path file) throws Exception {
        if (target != null) {
            send("Target.closeTarget", Map.of("targetId", target), false);
        }
        events.clear();
        target = (String) send("Target.createTarget", Map.of("url", "about:blank"), false).get("targetId");
        session = (String) send("Target.attachToTarget", Map.of("targetId", target, "flatten", true), false).get("sessionId");
        send("Page.enable", Map.of());
        send("Runtime.enable", Map.of());
        send("Network.enable", Map.of());
        send("Emulation.setDeviceMetricsOverride", Map.of("width", 1400, "height", 1000, "deviceScaleFactor", 1,
                "mobile", false));
        String url = file.toUri().toString();
        send("Page.navigate", Map.of("url", url));
        // about:blank may fire its own load event late: wait until this page has loaded.
        String loadedCheck = "document.readyState === 'complete' && location.href === " + quote(url);
        while (true) {
            CompletableFuture<Void> load = new CompletableFuture<>();
            loads.add(load);
            try {
                if (Boolean.TRUE.equals(eval(loadedCheck))) {
                    return;
                }
                load.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
            } finally {
                loads.remove(load);
            }
        }
    }

    /** Evaluates {@code expression} in the page and returns its value (JSON-like: maps, lists, strings, numbers). */
    public Object eval(String expression) throws Exception {
        Map<String, Object> result = send("Runtime.evaluate", Map.of("expression", expression, "returnByValue", true));
        if (result.containsKey("exceptionDetails")) {
            throw new AssertionError("script failed: " + expression + "\n" + result.get("exceptionDetails"));
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> value = (Map<String, Object>) result.get("result");
        return value.get("value");
    }

    /** Returns the centre of the first element matching {@code selector}, in viewport CSS pixels: {x, y}. */
    public double[] centre(String selector) throws Exception {
        @SuppressWarnings("unchecked")
        List<Number> box = (List<Number>) eval("(function(){var e=document.querySelector(" + quote(selector) + ");"
                + "if(!e){throw new Error('nothing matches ' + " + quote(selector) + ");}"
                + "var r=e.getBoundingClientRect();return [r.x+r.width/2,r.y+r.height/2];})()");
        return new double[] {box.get(0).doubleValue(), box.get(1).doubleValue()};
    }

    /** Returns the text content of the first element matching {@code selector}. */
    public String text(String selector) throws Exception {
        return (String) eval("document.querySelector(" + quote(selector) + ").textContent");
    }

    /** Returns {@code text} as a JavaScript string literal. */
    public static String quote(String text) {
        return "'" + text.replace("\\", "\\\\").replace("'", "\\'") + "'";
    }

    /** Drags with the left button from ({@code fromX}, {@code y}) to ({@code toX}, {@code y}). */
    public void drag(double fromX, double toX, double y) throws Exception {
        hover(fromX, y);
        mouse("mousePressed", fromX, y, "left", 1);
        for (int step = 1; step <= 4; step++) {
            double x = fromX + (toX - fromX) * step / 4;
            send("Input.dispatchMouseEvent", Map.of("type", "mouseMoved", "x", x, "y", y, "button", "left", "buttons", 1));
        }
        mouse("mouseReleased", toX, y, "left", 1);
    }

    /** Moves the mouse to ({@code x}, {@code y}) in CSS pixels of the viewport. */
    public void hover(double x, double y) throws Exception {
        mouse("mouseMoved", x, y, "none", 0);
    }

    /** Clicks the left button at ({@code x}, {@code y}). */
    public void click(double x, double y) throws Exception {
        hover(x, y);
        mouse("mousePressed", x, y, "left", 1);
        mouse("mouseReleased", x, y, "left", 1);
    }

    /** Turns the wheel at ({@code x}, {@code y}) by {@code deltaY} pixels (negative: away from the user). */
    public void wheel(double x, double y, double deltaY) throws Exception {
        send("Input.dispatchMouseEvent", Map.of("type", "mouseWheel", "x", x, "y", y, "deltaX", 0, "deltaY", deltaY));
    }

    private void mouse(String type, double x, double y, String button, int clicks) throws Exception {
        send("Input.dispatchMouseEvent", Map.of("type", type, "x", x, "y", y, "button", button, "clickCount", clicks));
    }

    /** Writes a PNG of the viewport to {@code file}. */
    public void screenshot(Path file) throws Exception {
        String data = (String) send("Page.captureScreenshot", Map.of("format", "png")).get("data");
        Files.createDirectories(file.toAbsolutePath().getParent());
        Files.write(file, Base64.getDecoder().decode(data));
    }

    /** Returns the text of every uncaught exception and console error the page reported. */
    public List<String> pageErrors() {
        List<String> errors = new ArrayList<>();
        for (Map<String, Object> event : events) {
            Object method = event.get("method");
            if ("Runtime.exceptionThrown".equals(method)
                    || ("Runtime.consoleAPICalled".equals(method) && String.valueOf(event.get("params")).contains("type=error"))) {
                errors.add(String.valueOf(event.get("params")));
            }
        }
        return errors;
    }

    /** Returns the URL of every network request the page made (its own file included). */
    @SuppressWarnings("unchecked")
    public List<String> requestedUrls() {
        List<String> urls = new ArrayList<>();
        for (Map<String, Object> event : events) {
            if ("Network.requestWillBeSent".equals(event.get("method"))) {
                Map<String, Object> request = (Map<String, Object>) ((Map<String, Object>) event.get("params")).get("request");
                urls.add(String.valueOf(request.get("url")));
            }
        }
        return urls;
    }

    private Map<String, Object> send(String method, Map<String, Object> params) throws Exception {
        return send(method, params, true);
    }

    private Map<String, Object> send(String method, Map<String, Object> params, boolean inPage) throws Exception {
        int id = ids.incrementAndGet();
        CompletableFuture<Map<String, Object>> reply = new CompletableFuture<>();
        pending.put(id, reply);
        StringWriter text = new StringWriter();
        try (JsonGenerator json = new JsonFactory().createGenerator(text)) {
            json.writeStartObject();
            json.writeNumberField("id", id);
            json.writeStringField("method", method);
            if (inPage) {
                json.writeStringField("sessionId", session);
            }
            json.writeFieldName("params");
            writeValue(json, params);
            json.writeEndObject();
        }
        socket.sendText(text.toString(), true).get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        Map<String, Object> message = reply.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        if (message.containsKey("error")) {
            throw new AssertionError(method + " failed: " + message.get("error"));
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> result = (Map<String, Object>) message.get("result");
        return result;
    }

    private static void writeValue(JsonGenerator json, Object value) throws IOException {
        if (value instanceof Map<?, ?> map) {
            json.writeStartObject();
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                json.writeFieldName(String.valueOf(entry.getKey()));
                writeValue(json, entry.getValue());
            }
            json.writeEndObject();
        } else if (value instanceof String string) {
            json.writeString(string);
        } else if (value instanceof Boolean bool) {
            json.writeBoolean(bool);
        } else if (value instanceof Integer number) {
            json.writeNumber(number);
        } else if (value instanceof Number number) {
            json.writeNumber(number.doubleValue());
        } else {
            throw new IllegalArgumentException("cannot send " + value);
        }
    }

    @Override
    public void close() throws Exception {
        try {
            socket.sendClose(WebSocket.NORMAL_CLOSURE, "").get(5, TimeUnit.SECONDS);
        } catch (Exception ignored) {
            // the browser is killed below anyway
        }
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }

    /** Collects text frames into messages: replies complete their request, events are kept. */
    private final class Listener implements WebSocket.Listener {
        private final StringBuilder partial = new StringBuilder();

        @Override
        @SuppressWarnings("unchecked")
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                String text = partial.toString();
                partial.setLength(0);
                try {
                    Map<String, Object> message = (Map<String, Object>) TestingJson.parse(text);
                    if (message.get("id") instanceof Number id) {
                        CompletableFuture<Map<String, Object>> reply = pending.remove(id.intValue());
                        if (reply != null) {
                            reply.complete(message);
                        }
                    } else {
                        events.add(message);
                        if ("Page.loadEventFired".equals(message.get("method"))) {
                            loads.forEach(load -> load.complete(null));
                        }
                    }
                } catch (IOException e) {
                    pending.values().forEach(reply -> reply.completeExceptionally(e));
                }
            }
            webSocket.request(1);
            return null;
        }
    }
}
