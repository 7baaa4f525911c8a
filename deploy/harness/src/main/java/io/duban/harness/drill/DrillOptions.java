package io.duban.harness.drill;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The {@code --key=value} (or bare {@code --flag}) arguments of one drill. Only the keys the drill declares are
 * accepted; anything else is a usage error ({@link IllegalArgumentException}, exit code 2).
 */
final class DrillOptions {

    /** Options every process drill understands. */
    static final Set<String> COMMON = Set.of("jar", "pg-url", "xmx", "keep", "work-dir");

    static final String DEFAULT_PG_URL = "jdbc:postgresql://127.0.0.1:5432/test?user=postgres";

    private final Map<String, String> values;

    private DrillOptions(Map<String, String> values) {
        this.values = values;
    }

    /** Parses {@code args}, accepting the {@link #COMMON} keys and {@code known}. */
    static DrillOptions parse(List<String> args, Set<String> known) {
        Set<String> accepted = new TreeSet<>(COMMON);
        accepted.addAll(known);
        Map<String, String> values = new LinkedHashMap<>();
        for (String arg : args) {
            if (!arg.startsWith("--") || arg.length() == 2) {
                throw new IllegalArgumentException("unexpected argument '" + arg + "'; options: --" + String.join(", --", accepted));
            }
            int eq = arg.indexOf('=');
            String key = eq < 0 ? arg.substring(2) : arg.substring(2, eq);
            if (!accepted.contains(key)) {
                throw new IllegalArgumentException("unknown option --" + key + "; options: --" + String.join(", --", accepted));
            }
            if (values.containsKey(key)) {
                throw new IllegalArgumentException("--" + key + " given twice");
            }
            values.put(key, eq < 0 ? "true" : arg.substring(eq + 1));
        }
        return new DrillOptions(values);
    }

    String string(String key, String fallback) {
        String value = values.get(key);
        return value == null || value.isBlank() ? fallback : value;
    }

    boolean flag(String key) {
        String value = values.get(key);
        if (value == null) {
            return false;
        }
        if (value.equals("true") || value.equals("false")) {
            return Boolean.parseBoolean(value);
        }
        throw new IllegalArgumentException("--" + key + " takes no value (or true/false): " + value);
    }

    /** A positive whole number. */
    int positive(String key, int fallback) {
        String value = values.get(key);
        if (value == null) {
            return fallback;
        }
        int n;
        try {
            n = Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--" + key + " must be a whole number: " + value);
        }
        if (n <= 0) {
            throw new IllegalArgumentException("--" + key + " must be positive: " + value);
        }
        return n;
    }

    /** A duration in seconds ({@code 15} or {@code 15s}), or with a unit {@code 500ms}, {@code 2m}. */
    Duration duration(String key, Duration fallback) {
        String value = values.get(key);
        if (value == null) {
            return fallback;
        }
        String v = value.trim().toLowerCase(java.util.Locale.ROOT);
        try {
            Duration d;
            if (v.endsWith("ms")) {
                d = Duration.ofMillis(Long.parseLong(v.substring(0, v.length() - 2)));
            } else if (v.endsWith("s")) {
                d = Duration.ofSeconds(Long.parseLong(v.substring(0, v.length() - 1)));
            } else if (v.endsWith("m")) {
                d = Duration.ofMinutes(Long.parseLong(v.substring(0, v.length() - 1)));
            } else {
                d = Duration.ofSeconds(Long.parseLong(v));
            }
            if (d.isNegative() || d.isZero()) {
                throw new IllegalArgumentException("--" + key + " must be positive: " + value);
            }
            return d;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--" + key + " must be a duration like 15s, 500ms or 2m: " + value);
        }
    }

    /** One of {@code choices}. */
    String choice(String key, String fallback, Set<String> choices) {
        String value = string(key, fallback);
        if (!choices.contains(value)) {
            throw new IllegalArgumentException("--" + key + " must be one of " + new TreeSet<>(choices) + ": " + value);
        }
        return value;
    }

    /** The PostgreSQL URL: {@code --pg-url}, else {@code DUBAN_DRILL_POSTGRES_URL}, else the local test server. */
    String postgresUrl(String fromEnv) {
        String url = string("pg-url", fromEnv == null || fromEnv.isBlank() ? DEFAULT_PG_URL : fromEnv);
        if (!url.startsWith("jdbc:postgresql:")) {
            throw new IllegalArgumentException("--pg-url must be a jdbc:postgresql: URL: " + url);
        }
        return url;
    }

    /** The heap of each child process, as for {@code -Xmx}: digits and a unit k, m or g. */
    String xmx() {
        String value = string("xmx", "512m");
        if (!value.matches("[0-9]+[kKmMgG]")) {
            throw new IllegalArgumentException("--xmx must look like 512m or 1g: " + value);
        }
        return value;
    }
}
