package dev.aigcdesk.demo;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Writes the demo's answers in the two styles seen from the real service: raw-wire (every key,
 * sorted, Go-style {@code \u0026} escapes) and trimmed (zero, empty and null values left out).
 * The demo may not use the app's JSON library (it stands in for the remote service), so this small
 * writer covers just maps, lists, strings, numbers and null.
 */
final class DemoJson {

    enum Style {
        RAW_WIRE,
        TRIMMED
    }

    private DemoJson() {}

    static String write(Object value, Style style) {
        StringBuilder sb = new StringBuilder();
        append(sb, style == Style.TRIMMED ? trim(value) : value, style);
        return sb.toString();
    }

    private static Object trim(Object v) {
        if (v instanceof Map<?, ?> map) {
            Map<String, Object> out = new LinkedHashMap<>();
            map.forEach((k, val) -> {
                Object t = trim(val);
                if (!isEmpty(t)) {
                    out.put((String) k, t);
                }
            });
            return out;
        }
        if (v instanceof List<?> list) {
            return list.stream().map(DemoJson::trim).toList();
        }
        return v;
    }

    private static boolean isEmpty(Object v) {
        return v == null
                || "".equals(v)
                || (v instanceof Number n && n.doubleValue() == 0)
                || (v instanceof Map<?, ?> m && m.isEmpty());
    }

    private static void append(StringBuilder sb, Object v, Style style) {
        if (v == null) {
            sb.append("null");
        } else if (v instanceof String s) {
            string(sb, s, style);
        } else if (v instanceof Double d && d == Math.rint(d) && !Double.isInfinite(d)) {
            sb.append(d.longValue());
        } else if (v instanceof Number || v instanceof Boolean) {
            sb.append(v);
        } else if (v instanceof Map<?, ?> map) {
            Map<?, ?> ordered = style == Style.RAW_WIRE ? new TreeMap<>(map) : map;
            sb.append('{');
            boolean first = true;
            for (Map.Entry<?, ?> e : ordered.entrySet()) {
                if (!first) {
                    sb.append(',');
                }
                first = false;
                string(sb, (String) e.getKey(), style);
                sb.append(':');
                append(sb, e.getValue(), style);
            }
            sb.append('}');
        } else if (v instanceof List<?> list) {
            sb.append('[');
            for (int i = 0; i < list.size(); i++) {
                if (i > 0) {
                    sb.append(',');
                }
                append(sb, list.get(i), style);
            }
            sb.append(']');
        } else {
            throw new IllegalArgumentException("Cannot write " + v.getClass());
        }
    }

    private static void string(StringBuilder sb, String s, Style style) {
        sb.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                default -> {
                    boolean goEscape = style == Style.RAW_WIRE && (c == '&' || c == '<' || c == '>');
                    if (c < 0x20 || goEscape) {
                        sb.append(String.format("\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        sb.append('"');
    }
}
