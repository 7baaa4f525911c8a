package io.duban.bot.signature;

import java.util.Objects;

/**
 * A credential (app secret, webhook secret, webhook access token). Wrapped so that it can travel through records,
 * settings and log statements without ever being printed: {@link #toString()} masks it, and the only way to read it
 * is the deliberately loud {@link #reveal()}.
 */
public final class Secret {

    private final String value;

    private Secret(String value) {
        this.value = value;
    }

    public static Secret of(String value) {
        Objects.requireNonNull(value, "secret");
        if (value.isBlank()) {
            throw new IllegalArgumentException("a secret must not be blank");
        }
        return new Secret(value);
    }

    /** The plain value, for the HMAC key or the one request that needs it. Never log the result. */
    public String reveal() {
        return value;
    }

    @Override
    public String toString() {
        return "Secret[******]";
    }
}
