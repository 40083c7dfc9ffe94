package dev.aigcdesk.api;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.JsonReader;
import com.squareup.moshi.JsonWriter;
import com.squareup.moshi.Moshi;
import com.squareup.moshi.Types;
import java.io.IOException;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.util.List;
import java.util.Set;

/**
 * Makes every wire value forgiving: {@code null}, {@code ""} and a value of the wrong JSON type all
 * read as null instead of failing the whole response. Numbers may arrive as strings and strings as
 * numbers, as they do from gateways that re-serialize Tencent's answers.
 */
final class LenientJsonAdapters implements JsonAdapter.Factory {

    private static final String WIRE_PACKAGE = "dev.aigcdesk.api.wire";

    @Override
    public JsonAdapter<?> create(Type type, Set<? extends Annotation> annotations, Moshi moshi) {
        if (!annotations.isEmpty()) {
            return null;
        }
        if (type == String.class) {
            return STRING;
        }
        if (type == Long.class) {
            return LONG;
        }
        if (type == Double.class) {
            return DOUBLE;
        }
        Class<?> raw = Types.getRawType(type);
        if (List.class.isAssignableFrom(raw) || raw.getPackageName().equals(WIRE_PACKAGE)) {
            JsonAdapter<Object> delegate = moshi.nextAdapter(this, type, annotations);
            return new ShapeTolerant(
                    delegate, raw == List.class ? JsonReader.Token.BEGIN_ARRAY : JsonReader.Token.BEGIN_OBJECT);
        }
        return null;
    }

    /** Reads the expected structure, and anything else (a string, a number, the other bracket) as null. */
    private static final class ShapeTolerant extends JsonAdapter<Object> {
        private final JsonAdapter<Object> delegate;
        private final JsonReader.Token expected;

        ShapeTolerant(JsonAdapter<Object> delegate, JsonReader.Token expected) {
            this.delegate = delegate;
            this.expected = expected;
        }

        @Override
        public Object fromJson(JsonReader reader) throws IOException {
            if (reader.peek() != expected) {
                reader.skipValue();
                return null;
            }
            return delegate.fromJson(reader);
        }

        @Override
        public void toJson(JsonWriter writer, Object value) throws IOException {
            delegate.toJson(writer, value);
        }
    }

    private static final JsonAdapter<String> STRING = new JsonAdapter<>() {
        @Override
        public String fromJson(JsonReader reader) throws IOException {
            return switch (reader.peek()) {
                case STRING, NUMBER -> emptyToNull(reader.nextString());
                case BOOLEAN -> Boolean.toString(reader.nextBoolean());
                default -> {
                    reader.skipValue();
                    yield null;
                }
            };
        }

        @Override
        public void toJson(JsonWriter writer, String value) throws IOException {
            writer.value(value);
        }
    };

    private static final JsonAdapter<Long> LONG = new JsonAdapter<>() {
        @Override
        public Long fromJson(JsonReader reader) throws IOException {
            Double d = readNumber(reader);
            return d == null ? null : (long) (double) d;
        }

        @Override
        public void toJson(JsonWriter writer, Long value) throws IOException {
            writer.value(value);
        }
    };

    private static final JsonAdapter<Double> DOUBLE = new JsonAdapter<>() {
        @Override
        public Double fromJson(JsonReader reader) throws IOException {
            return readNumber(reader);
        }

        @Override
        public void toJson(JsonWriter writer, Double value) throws IOException {
            writer.value(value);
        }
    };

    private static Double readNumber(JsonReader reader) throws IOException {
        JsonReader.Token token = reader.peek();
        if (token == JsonReader.Token.NUMBER || token == JsonReader.Token.STRING) {
            String text = reader.nextString().strip();
            if (text.isEmpty()) {
                return null;
            }
            try {
                double d = Double.parseDouble(text);
                return Double.isFinite(d) ? d : null;
            } catch (NumberFormatException e) {
                return null;
            }
        }
        reader.skipValue();
        return null;
    }

    private static String emptyToNull(String s) {
        return s == null || s.isEmpty() ? null : s;
    }
}
