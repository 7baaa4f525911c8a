package io.duban.bot.readside;

/** The read side did not answer a query (no handler, a timeout, MongoDB away): nothing can be concluded from it. */
public class ReadSideUnavailable extends RuntimeException {

    public ReadSideUnavailable(String message, Throwable cause) {
        super(message, cause);
    }
}
