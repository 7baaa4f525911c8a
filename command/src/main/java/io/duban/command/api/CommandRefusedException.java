package io.duban.command.api;

/**
 * A command was refused by a business rule or by an authorisation check; nothing was recorded. The message is
 * user-facing Chinese text; the code is a stable machine-readable key.
 */
public class CommandRefusedException extends RuntimeException {

    public enum Reason {
        INVALID_INPUT,
        NOT_PERMITTED,
        NOT_FOUND,
        RULE_VIOLATED
    }

    private final Reason reason;
    private final String code;

    public CommandRefusedException(Reason reason, String code, String message) {
        super(message);
        this.reason = reason;
        this.code = code;
    }

    public static CommandRefusedException invalid(String code, String message) {
        return new CommandRefusedException(Reason.INVALID_INPUT, code, message);
    }

    public static CommandRefusedException notPermitted(String code, String message) {
        return new CommandRefusedException(Reason.NOT_PERMITTED, code, message);
    }

    public static CommandRefusedException notFound(String code, String message) {
        return new CommandRefusedException(Reason.NOT_FOUND, code, message);
    }

    public static CommandRefusedException ruleViolated(String code, String message) {
        return new CommandRefusedException(Reason.RULE_VIOLATED, code, message);
    }

    public Reason reason() {
        return reason;
    }

    public String code() {
        return code;
    }
}
