package io.duban.bot.signature;

/**
 * The verdict on one callback's {@code timestamp}/{@code sign} headers.
 *
 * @param check  the outcome
 * @param detail a short English explanation for the log; never contains the secret or the expected signature
 *               (the expected signature for a timestamp would let a reader forge that callback)
 */
public record CallbackVerification(CallbackCheck check, String detail) {

    public boolean accepted() {
        return check == CallbackCheck.ACCEPTED;
    }
}
