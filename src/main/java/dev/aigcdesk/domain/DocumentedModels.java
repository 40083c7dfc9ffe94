package dev.aigcdesk.domain;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The models chainhub documents for creating (query-api.md §8), offered as choices; names are open
 * strings, so anything else can be typed and the service decides.
 */
public final class DocumentedModels {

    private static final Map<String, List<String>> IMAGE = ordered(
            "GEM", List.of("2.5", "3.0", "3.1"),
            "Qwen", List.of("0925"),
            "Hunyuan", List.of("3.0"));
    private static final Map<String, List<String>> VIDEO = ordered(
            "Hailuo", List.of("02", "2.3", "2.3-fast"),
            "Kling", List.of("1.6", "2.0", "2.1", "2.5", "O1"),
            "Vidu", List.of("q2", "q2-pro", "q2-turbo"));

    private DocumentedModels() {}

    public static List<String> models(TaskKind kind) {
        return List.copyOf(of(kind).keySet());
    }

    /** The documented versions of {@code model} (any case), or none for a model typed freely. */
    public static List<String> versions(TaskKind kind, String model) {
        if (model == null) {
            return List.of();
        }
        return of(kind).entrySet().stream()
                .filter(e -> e.getKey().equalsIgnoreCase(model.strip()))
                .map(Map.Entry::getValue)
                .findFirst()
                .orElse(List.of());
    }

    public static List<String> aspectRatios(TaskKind kind) {
        return kind == TaskKind.VIDEO
                ? List.of("16:9", "9:16", "1:1")
                : List.of("1:1", "3:4", "4:3", "9:16", "16:9", "2:3", "3:2", "21:9");
    }

    public static List<String> resolutions(TaskKind kind) {
        return kind == TaskKind.VIDEO ? List.of("720P", "768P", "1080P") : List.of("1K", "2K", "4K");
    }

    private static Map<String, List<String>> of(TaskKind kind) {
        return kind == TaskKind.VIDEO ? VIDEO : IMAGE;
    }

    private static Map<String, List<String>> ordered(
            String a, List<String> av, String b, List<String> bv, String c, List<String> cv) {
        Map<String, List<String>> m = new LinkedHashMap<>();
        m.put(a, av);
        m.put(b, bv);
        m.put(c, cv);
        return Collections.unmodifiableMap(m);
    }
}
