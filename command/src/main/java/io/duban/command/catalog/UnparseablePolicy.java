package io.duban.command.catalog;

import io.duban.command.api.CommandRefusedException;

/**
 * The single way the parser refuses a text: every failure carries the same stable code, so callers can tell a bad
 * document from any other refusal, and a Chinese message that tells the author what to fix.
 */
final class UnparseablePolicy {

    static final String CODE = "policy.unparseable";

    private UnparseablePolicy() {
    }

    static CommandRefusedException because(String message) {
        return CommandRefusedException.invalid(CODE, message);
    }
}
