package dev.aigcdesk.bench;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Start-up against a bare JavaFX window, in one run: each variant N times, alternating, under Xvfb,
 * JVM start to the window shown with its first page of rows drawn ({@code shown-after-ms}). Then one
 * run that scrolls the whole list and grid of the 100k library (frame times) and reports the peak RSS.
 */
final class StartupBench {

    private static final int RUNS = Integer.getInteger("bench.startupRuns", 5);

    private final Path dir;
    private final Path home100k;
    private final Path jar = Path.of("target", "aigc-desk.jar").toAbsolutePath();
    private final Path image =
            Path.of("target", "installer", "aigc-desk", "bin", "aigc-desk").toAbsolutePath();
    private final String javaBin =
            Path.of(System.getProperty("java.home"), "bin", "java").toString();

    StartupBench(Path dir, Path home100k) {
        this.dir = dir;
        this.home100k = home100k;
    }

    void run() throws Exception {
        if (!Files.isRegularFile(jar) || !onPath("xvfb-run")) {
            System.out.printf("%nStart-up: skipped (needs %s and xvfb-run)%n", jar);
            return;
        }
        Path empty = dir.resolve("home-empty");
        Files.createDirectories(empty);
        Map<String, List<String>> variants = new LinkedHashMap<>();
        variants.put(
                "bare JavaFX window (list + label)",
                List.of(javaBin, "-cp", System.getProperty("java.class.path"), BareWindow.class.getName()));
        variants.put(
                "java -jar, empty library",
                List.of(javaBin, "-Daigcdesk.exitWhenShown=true", "-jar", jar.toString(), "--home", empty.toString()));
        variants.put(
                "java -jar, 100k library",
                List.of(
                        javaBin,
                        "-Daigcdesk.exitWhenShown=true",
                        "-jar",
                        jar.toString(),
                        "--home",
                        home100k.toString()));
        boolean installed = Files.isExecutable(image);
        if (installed) {
            // The same bare window on the app-image's own runtime (no AOT cache, default flags): how much is the
            // runtime, how much the app.
            Path runtimeJava = image.getParent().getParent().resolve("lib/runtime/bin/java");
            variants.put(
                    "bare window, app-image's runtime",
                    List.of(
                            runtimeJava.toString(),
                            "-cp",
                            Path.of("target", "test-classes").toAbsolutePath().toString(),
                            BareWindow.class.getName()));
            variants.put("app-image, empty library", List.of(image.toString(), "--home", empty.toString()));
            variants.put("app-image, 100k library", List.of(image.toString(), "--home", home100k.toString()));
            variants.put(
                    "app-image, 100k library, gallery",
                    List.of(image.toString(), "--home", galleryHome().toString()));
        }
        Map<String, List<Long>> times = new LinkedHashMap<>();
        variants.keySet().forEach(k -> times.put(k, new ArrayList<>()));
        for (int round = 0; round < RUNS; round++) {
            for (var v : variants.entrySet()) {
                long ms = shownAfter(v.getValue(), v.getKey().startsWith("app-image"), false).shown;
                if (ms > 0) {
                    times.get(v.getKey()).add(ms);
                }
            }
        }
        double bare = median(times.get(variants.keySet().iterator().next()));
        System.out.printf(
                "%nStart-up to the first page drawn, median of %d alternating runs each (JDK %s for java -jar%s):%n",
                RUNS,
                System.getProperty("java.version"),
                installed ? "; the app-image has its own runtime" : "; no app-image built");
        for (var e : times.entrySet()) {
            double m = median(e.getValue());
            System.out.printf("  %-38s %6.0f ms  %.2fx bare   runs %s%n", e.getKey(), m, m / bare, e.getValue());
        }
        List<Long> bareOwn = times.get("bare window, app-image's runtime");
        if (bareOwn != null && !bareOwn.isEmpty()) {
            double own = median(bareOwn);
            System.out.printf(
                    "  app-image against the bare window on its own runtime: empty %.2fx, 100k %.2fx, 100k in the gallery %.2fx%n",
                    median(times.get("app-image, empty library")) / own,
                    median(times.get("app-image, 100k library")) / own,
                    median(times.get("app-image, 100k library, gallery")) / own);
        }
        if (!installed) {
            System.out.println(
                    "  (mvn -B -Pinstaller -DskipTests package builds the app-image; run the bench after it to include it)");
        }
        // Each scroll run starts as a new window would (the list first), whatever the run before it left.
        Files.deleteIfExists(home100k.resolve("config").resolve("window.properties"));
        Run scroll = shownAfter(
                List.of(
                        javaBin,
                        "-Daigcdesk.exitWhenShown=true",
                        "-Daigcdesk.scrollProbe=true",
                        "-jar",
                        jar.toString(),
                        "--home",
                        home100k.toString()),
                false,
                true);
        System.out.printf(
                "%nScrolling the whole 100k library, java -jar (target: no frame over 50 ms; peak RSS <= 400 MiB):%n");
        scroll.lines.stream()
                .filter(l -> l.startsWith("scroll-") || l.startsWith("peak-rss"))
                .forEach(l -> System.out.println("  " + l));
        if (installed) {
            Files.deleteIfExists(home100k.resolve("config").resolve("window.properties"));
            Run imageScroll = shownAfter(List.of(image.toString(), "--home", home100k.toString()), true, true);
            System.out.println("  app-image:");
            imageScroll.lines.stream()
                    .filter(l -> l.startsWith("scroll-") || l.startsWith("peak-rss"))
                    .forEach(l -> System.out.println("    " + l));
        }
    }

    /** The 100k library (the same file) opened by a window that last showed the gallery: it starts in the gallery. */
    private Path galleryHome() throws IOException {
        Path home = dir.resolve("home-100k-gallery");
        Files.createDirectories(home.resolve("config"));
        if (!Files.exists(home.resolve("data"))) {
            Files.createSymbolicLink(home.resolve("data"), home100k.resolve("data"));
        }
        Files.writeString(
                home.resolve("config").resolve("window.properties"),
                "grid=true\nwidth=1280.0\nheight=800.0\ntileSize=180.0\n");
        return home;
    }

    private record Run(long shown, List<String> lines) {}

    private Run shownAfter(List<String> command, boolean viaToolOptions, boolean scroll)
            throws IOException, InterruptedException {
        List<String> full = new ArrayList<>(List.of("xvfb-run", "-a", "-s", "-screen 0 1280x800x24"));
        full.addAll(command);
        ProcessBuilder pb = new ProcessBuilder(full).redirectError(ProcessBuilder.Redirect.DISCARD);
        Map<String, String> env = pb.environment();
        env.put("AIGC_DESK_KEYCHAIN", "off");
        // A key and a service that answers nothing: the window shows the library, and no request leaves the machine.
        env.put("AIGC_DESK_API_KEY", "sk-bench");
        env.put("AIGC_DESK_API_BASE", "http://127.0.0.1:9/");
        if (viaToolOptions) {
            env.put(
                    "JAVA_TOOL_OPTIONS",
                    "-Daigcdesk.exitWhenShown=true" + (scroll ? " -Daigcdesk.scrollProbe=true" : ""));
        }
        Process p = pb.start();
        List<String> lines = new ArrayList<>();
        long shown = -1;
        try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line; (line = r.readLine()) != null; ) {
                lines.add(line);
                if (line.startsWith("shown-after-ms=")) {
                    shown = Long.parseLong(
                            line.substring("shown-after-ms=".length()).strip());
                }
            }
        }
        p.waitFor();
        return new Run(shown, lines);
    }

    private static double median(List<Long> values) {
        if (values == null || values.isEmpty()) {
            return Double.NaN;
        }
        List<Long> s = new ArrayList<>(values);
        s.sort(null);
        return s.size() % 2 == 1 ? s.get(s.size() / 2) : (s.get(s.size() / 2 - 1) + s.get(s.size() / 2)) / 2.0;
    }

    private static boolean onPath(String tool) {
        for (String d : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            if (Files.isExecutable(Path.of(d, tool))) {
                return true;
            }
        }
        return false;
    }
}
