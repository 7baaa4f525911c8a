package io.duban.harness.drill.abuse;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The {@code --key=value} arguments of one drill. Only the keys the drill declares are accepted, so a typo is a usage
 * error (exit 2) rather than a silently ignored setting.
 */
final class DrillArgs {

    private final Map<String, String> values = new LinkedHashMap<>();

    private DrillArgs() {
    }

    static DrillArgs parse(List<String> args, Set<String> allowed) {
        DrillArgs parsed = new DrillArgs();
        for (String arg : args) {
            if (!arg.startsWith("--")) {
                throw new IllegalArgumentException("unexpected argument " + arg + " (expected --key=value)");
            }
            int eq = arg.indexOf('=');
            String key = eq < 0 ? arg.substring(2) : arg.substring(2, eq);
            String value = eq < 0 ? "true" : arg.substring(eq + 1);
            if (!allowed.contains(key)) {
                throw new IllegalArgumentException("unknown argument --" + key + "; known: --" + String.join(", --",
                        allowed.stream().sorted().toList()));
            }
            parsed.values.put(key, value);
        }
        return parsed;
    }

    String string(String key, String fallback) {
        String value = values.get(key);
        return value == null || value.isBlank() ? fallback : value;
    }

    int positiveInt(String key, int fallback) {
        String value = values.get(key);
        if (value == null) {
            return fallback;
        }
        try {
            int parsed = Integer.parseInt(value.strip());
            if (parsed > 0) {
                return parsed;
            }
        } catch (NumberFormatException ignored) {
            // answered below
        }
        throw new IllegalArgumentException("--" + key + " must be a positive whole number, got " + value);
    }

    long longValue(String key, long fallback) {
        String value = values.get(key);
        if (value == null) {
            return fallback;
        }
        try {
            return Long.parseLong(value.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--" + key + " must be a whole number, got " + value);
        }
    }

    /** {@code 30s}, {@code 2m}, {@code 500ms} or a plain number of seconds. */
    Duration duration(String key, Duration fallback) {
        String value = values.get(key);
        if (value == null) {
            return fallback;
        }
        String v = value.strip().toLowerCase();
        try {
            Duration parsed;
            if (v.endsWith("ms")) {
                parsed = Duration.ofMillis(Long.parseLong(v.substring(0, v.length() - 2)));
            } else if (v.endsWith("s")) {
                parsed = Duration.ofSeconds(Long.parseLong(v.substring(0, v.length() - 1)));
            } else if (v.endsWith("m")) {
                parsed = Duration.ofMinutes(Long.parseLong(v.substring(0, v.length() - 1)));
            } else {
                parsed = Duration.ofSeconds(Long.parseLong(v));
            }
            if (!parsed.isNegative()) {
                return parsed;
            }
        } catch (NumberFormatException ignored) {
            // answered below
        }
        throw new IllegalArgumentException("--" + key + " must be a duration such as 30s, 2m or 500ms, got " + value);
    }

    boolean flag(String key) {
        String value = values.get(key);
        return value != null && !value.equalsIgnoreCase("false");
    }
}
