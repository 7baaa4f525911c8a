package io.duban.bot.inbound;

/** What became of an official's message; the answer text goes back to them. */
public record ReplyOutcome(Kind kind, String answer) {

    public enum Kind {
        /** A command was accepted and recorded as events. */
        RECORDED,
        /** A command was refused by a rule or a permission check: nothing recorded. */
        REFUSED,
        /**
         * A command failed for a reason that does not tell whether it was stored (a timeout, the store or the bus
         * failing): the official is told it may have been recorded and how to check.
         */
        UNCERTAIN,
        /** Information only (help, "我的承诺"). */
        ANSWERED,
        /** Not understood or ambiguous: nothing recorded, the official is asked. */
        NOT_UNDERSTOOD,
        /** The sender is not in the directory: nothing recorded. */
        UNKNOWN_SENDER,
        /** The same msgId was handled before. */
        DUPLICATE
    }
}
