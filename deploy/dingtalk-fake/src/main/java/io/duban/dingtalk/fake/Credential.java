package io.duban.dingtalk.fake;

import java.util.Objects;

/**
 * One of the fake's generated credentials (app secret, webhook secret, webhook access token): {@link #toString()}
 * masks it, so settings and log lines never print it; {@link #reveal()} is the one way to read it. The fake's own
 * type rather than the bot's, because the fake shares no code with the bot (see {@link DingTalkSignature}).
 */
public final class Credential {

    private final String value;

    private Credential(String value) {
        this.value = value;
    }

    public static Credential of(String value) {
        Objects.requireNonNull(value, "credential");
        if (value.isBlank()) {
            throw new IllegalArgumentException("a credential must not be blank");
        }
        return new Credential(value);
    }

    /** The plain value, for the HMAC key or the bot's configuration. Never log the result. */
    public String reveal() {
        return value;
    }

    @Override
    public String toString() {
        return "Credential[******]";
    }
}
