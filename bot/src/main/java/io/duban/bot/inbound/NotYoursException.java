package io.duban.bot.inbound;

/** The sender named a commitment that is not theirs (or does not exist): refused, nothing recorded. */
final class NotYoursException extends RuntimeException {
    NotYoursException(String message) {
        super(message);
    }
}
