package nl.leefwereld.returns.internal;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import nl.leefwereld.shared.FieldErrors;
import nl.leefwereld.shared.InvalidInputException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads a calculation body field by field, so every refusal names the field as it is in the body
 * ({@code leavers[0].count}). Numbers are read as BigDecimal from the JSON text itself: never through a double.
 */
final class JsonInput {

    private static final JsonMapper MAPPER = JsonMapper.builder().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).build();
    static final int MAX_LINES = 500;
    static final int MAX_TEXT = 300;

    final FieldErrors errors = new FieldErrors();

    static JsonNode parseObject(String body) {
        JsonNode root;
        try {
            root = body == null || body.isBlank() ? null : MAPPER.readTree(body);
        } catch (JacksonException e) {
            throw InvalidInputException.of("body", "De JSON kan niet worden gelezen.");
        }
        if (root == null || !root.isObject()) {
            throw InvalidInputException.of("body", "Stuur een JSON-object.");
        }
        return root;
    }

    /** Fields that are not part of the request: named, so a typo ("quantiy") is not silently ignored. */
    void onlyKnown(JsonNode node, String path, Set<String> known) {
        for (String name : node.propertyNames()) {
            if (!known.contains(name)) {
                errors.add(join(path, name), "Dit veld bestaat niet in dit verzoek.");
            }
        }
    }

    /** The array at the field (absent = empty when optional); each element must be an object. */
    List<JsonNode> objects(JsonNode parent, String path, String name, boolean required) {
        JsonNode n = parent.get(name);
        String field = join(path, name);
        List<JsonNode> out = new ArrayList<>();
        if (n == null || n.isNull()) {
            if (required) {
                errors.add(field, "Geef een lijst mee (mag leeg zijn).");
            }
            return out;
        }
        if (!n.isArray()) {
            errors.add(field, "Geef hier een lijst [...] mee.");
            return out;
        }
        if (n.size() > MAX_LINES) {
            errors.add(field, "Hoogstens " + MAX_LINES + " regels.");
            return out;
        }
        for (int i = 0; i < n.size(); i++) {
            if (!n.get(i).isObject()) {
                errors.add(field + "[" + i + "]", "Geef hier een object {...} mee.");
            } else {
                out.add(n.get(i));
            }
        }
        return out;
    }

    /** A number in the range, with at most {@code scale} decimals; the default when absent (null default = required). */
    BigDecimal number(JsonNode parent, String path, String name, BigDecimal dflt, BigDecimal min, BigDecimal max, int scale) {
        JsonNode n = parent.get(name);
        String field = join(path, name);
        if (n == null || n.isNull()) {
            if (dflt == null) {
                errors.add(field, "Vul een getal in.");
            }
            return dflt;
        }
        if (!n.isNumber()) {
            errors.add(field, "Vul een getal in (zonder aanhalingstekens).");
            return null;
        }
        BigDecimal v = n.decimalValue();
        if (v.compareTo(min) < 0 || v.compareTo(max) > 0) {
            errors.add(field, "Vul een getal in van " + plain(min) + " tot en met " + plain(max) + ".");
            return null;
        }
        if (v.stripTrailingZeros().scale() > scale) {
            errors.add(field, scale == 0 ? "Vul een heel getal in." : "Gebruik hoogstens " + scale + " cijfers achter de komma.");
            return null;
        }
        return v;
    }

    String text(JsonNode parent, String path, String name, boolean required) {
        JsonNode n = parent.get(name);
        String field = join(path, name);
        if (n == null || n.isNull()) {
            if (required) {
                errors.add(field, "Vul dit in.");
            }
            return null;
        }
        if (!n.isString()) {
            errors.add(field, "Vul hier tekst in (tussen aanhalingstekens).");
            return null;
        }
        String v = n.asString();
        if (required && v.isBlank()) {
            errors.add(field, "Vul dit in.");
            return null;
        }
        errors.maxLength(field, v, "de tekst", MAX_TEXT);
        return errors.has(field) ? null : v.strip();
    }

    Boolean bool(JsonNode parent, String path, String name, boolean dflt) {
        JsonNode n = parent.get(name);
        if (n == null || n.isNull()) {
            return dflt;
        }
        if (!n.isBoolean()) {
            errors.add(join(path, name), "Vul true of false in.");
            return null;
        }
        return n.booleanValue();
    }

    <E extends Enum<E>> E oneOf(JsonNode parent, String path, String name, Class<E> type, E dflt) {
        JsonNode n = parent.get(name);
        String field = join(path, name);
        if (n == null || n.isNull()) {
            if (dflt == null) {
                errors.add(field, "Kies een waarde uit de lijst.");
            }
            return dflt;
        }
        if (!n.isString()) {
            errors.add(field, "Kies een waarde uit de lijst (als tekst).");
            return null;
        }
        try {
            return Enum.valueOf(type, n.asString().strip());
        } catch (IllegalArgumentException e) {
            StringBuilder values = new StringBuilder();
            for (E v : type.getEnumConstants()) {
                values.append(values.isEmpty() ? "" : ", ").append(v.name());
            }
            errors.add(field, "Kies een van: " + values + ".");
            return null;
        }
    }

    boolean has(JsonNode parent, String name) {
        return parent.has(name) && !parent.get(name).isNull();
    }

    static String join(String path, String name) {
        return path.isEmpty() ? name : path + "." + name;
    }

    static String plain(BigDecimal v) {
        return v.stripTrailingZeros().toPlainString();
    }
}
