package io.duban.bot.reply;

import java.time.LocalDate;

/**
 * One recognised piece at the start of a reply (the "head": reference, verb, percentage, milestone, date, in any
 * order). Everything after the head is free text: the note, summary or reason. Malformed pieces are tokens too, so
 * the bot can say exactly what was wrong instead of ignoring them.
 */
sealed interface HeadToken {

    /** How the token reads back in a not-understood answer. */
    String describe();

    record Ref(CommitmentRef ref) implements HeadToken {
        public String describe() {
            return ref.display();
        }
    }

    /** A '#' followed by something that is not a valid reference, e.g. "#31-2" or "#0". */
    record BadRef(String raw) implements HeadToken {
        public String describe() {
            return raw;
        }
    }

    record Verb(Intent intent) implements HeadToken {
        public String describe() {
            return intent.label();
        }
    }

    /** A percentage; {@code value} is meaningful only when {@code issue} is NONE. */
    record Percent(String raw, int value, Issue issue) implements HeadToken {
        enum Issue { NONE, NOT_INTEGER, OUT_OF_RANGE }

        public String describe() {
            return issue == Issue.NONE ? value + "%" : raw;
        }
    }

    /** A date; {@code date} is null unless {@code issue} is NONE. */
    record Date(String raw, LocalDate date, Issue issue) implements HeadToken {
        enum Issue { NONE, IMPOSSIBLE, INCOMPLETE, OUT_OF_RANGE }

        public String describe() {
            return issue == Issue.NONE ? date.toString() : raw;
        }
    }

    record Milestone(String milestoneId) implements HeadToken {
        public String describe() {
            return milestoneId;
        }
    }
}
