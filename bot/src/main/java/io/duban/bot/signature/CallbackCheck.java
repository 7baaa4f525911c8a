package io.duban.bot.signature;

/** Why a callback was accepted or refused; safe to log (no secret, no expected signature). */
public enum CallbackCheck {
    ACCEPTED,
    MISSING_TIMESTAMP,
    MISSING_SIGN,
    MALFORMED_TIMESTAMP,
    TIMESTAMP_TOO_OLD,
    TIMESTAMP_IN_FUTURE,
    BAD_SIGN
}
