package io.duban.command.commitment;

import io.duban.command.api.CommandRefusedException;
import org.hamcrest.Description;
import org.hamcrest.Matcher;
import org.hamcrest.TypeSafeMatcher;

/** Matches a {@link CommandRefusedException} by its reason and code, so a test names the rule that refused. */
final class Refusal extends TypeSafeMatcher<CommandRefusedException> {

    private final CommandRefusedException.Reason reason;
    private final String code;

    private Refusal(CommandRefusedException.Reason reason, String code) {
        this.reason = reason;
        this.code = code;
    }

    static Matcher<CommandRefusedException> refused(CommandRefusedException.Reason reason, String code) {
        return new Refusal(reason, code);
    }

    @Override
    protected boolean matchesSafely(CommandRefusedException e) {
        return e.reason() == reason && e.code().equals(code);
    }

    @Override
    public void describeTo(Description description) {
        description.appendText("refused with " + reason + "/" + code);
    }

    @Override
    protected void describeMismatchSafely(CommandRefusedException e, Description description) {
        description.appendText("was " + e.reason() + "/" + e.code() + ": " + e.getMessage());
    }
}
