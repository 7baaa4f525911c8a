package io.duban.bot.reply;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Decides what a scanned reply means, or why it cannot be acted on. The rules, in order:
 * <ol>
 *   <li>a malformed reference is reported as such;</li>
 *   <li>verbs of two intents (progress and completion, or any other pair) are ambiguous; so is a completion that
 *       also carries a percentage below 100;</li>
 *   <li>no verb but a percentage means progress ("#31 80%"); no verb and no percentage asks what to do;</li>
 *   <li>exactly one commitment reference is required, and it must not come back in the free text: "#31 已完成 …
 *       #31 延期 …" is two replies pasted together, and taking the first would silently drop the second;</li>
 *   <li>a question mark right after the head is a question, not a report;</li>
 *   <li>each intent then checks its own arguments: progress one valid whole percentage and nothing else in the
 *       head, deadline change one valid full date and a reason, a blocker a summary, an acknowledgement nothing
 *       more.</li>
 * </ol>
 */
final class ReplyInterpreter {

    private static final String DEFAULT_REF = "#31";

    /** The summary of what was understood lists at most this many pieces, so it stays readable whatever was sent. */
    private static final int MAX_UNDERSTOOD_TOKENS = 8;

    private final Head head;
    private final String normalized;
    private final String understood;
    private final Set<CommitmentRef> refs;
    private final List<CommitmentRef> refsInFreeText;
    private final String refText;
    private final List<HeadToken.Percent> percents;
    private final List<HeadToken.Date> dates;
    private final List<HeadToken.Milestone> milestones;
    private final String free;

    private ReplyInterpreter(Head head, String normalized) {
        this.head = head;
        this.normalized = normalized;
        this.understood = head.tokens().stream().limit(MAX_UNDERSTOOD_TOKENS).map(HeadToken::describe)
                .collect(Collectors.joining("，")) + (head.tokens().size() > MAX_UNDERSTOOD_TOKENS ? "……" : "");
        this.refs = new LinkedHashSet<>();
        head.all(HeadToken.Ref.class).forEach(r -> refs.add(r.ref()));
        this.refsInFreeText = HeadScanner.hashRefsIn(head.rest());
        refs.addAll(refsInFreeText);
        this.refText = refs.isEmpty() ? DEFAULT_REF : refs.iterator().next().display();
        this.percents = head.all(HeadToken.Percent.class);
        this.dates = head.all(HeadToken.Date.class);
        this.milestones = head.all(HeadToken.Milestone.class);
        this.free = FreeText.clean(head.rest());
    }

    static Reply interpret(Head head, String normalized) {
        return new ReplyInterpreter(head, normalized).reply();
    }

    private Reply reply() {
        List<HeadToken.BadRef> badRefs = head.all(HeadToken.BadRef.class);
        if (!badRefs.isEmpty()) {
            return ask(ReplyTexts.badRef(badRefs.get(0).raw()));
        }
        Set<Intent> intents = new LinkedHashSet<>();
        head.all(HeadToken.Verb.class).forEach(v -> intents.add(v.intent()));
        if (intents.contains(Intent.PROGRESS) && intents.contains(Intent.COMPLETION)) {
            return ask(ReplyTexts.progressOrCompletion(refText));
        }
        if (intents.size() > 1) {
            return ask(ReplyTexts.twoIntents(intents, refText));
        }
        Intent intent = intents.isEmpty() ? (percents.isEmpty() ? null : Intent.PROGRESS) : intents.iterator().next();
        if (intent == Intent.COMPLETION && (!percents.isEmpty() || hasPercentBelowHundredInFreeText())) {
            return ask(ReplyTexts.progressOrCompletion(refText));
        }
        if (intent == null) {
            if (refs.isEmpty()) {
                return ask(ReplyTexts.notUnderstood(normalized));
            }
            return ask(ReplyTexts.whatToDo(refText));
        }
        if (refs.size() > 1) {
            return ask(ReplyTexts.twoRefs(refs.stream().map(CommitmentRef::display)
                    .collect(Collectors.toCollection(LinkedHashSet::new))));
        }
        if (refs.isEmpty()) {
            return ask(ReplyTexts.missingRef());
        }
        if (!refsInFreeText.isEmpty()) {
            return ask(ReplyTexts.repeatedRef(refText));
        }
        if (head.rest().stripLeading().startsWith("?")) {
            return ask(ReplyTexts.question(refText));
        }
        CommitmentRef ref = refs.iterator().next();
        return switch (intent) {
            case PROGRESS -> progress(ref);
            case COMPLETION -> completion(ref);
            case DEADLINE_CHANGE -> deadlineChange(ref, false);
            case DEADLINE_ADVANCE -> deadlineChange(ref, true);
            case BLOCKER -> blocker(ref);
            case ACKNOWLEDGE -> acknowledge(ref);
        };
    }

    private Reply progress(CommitmentRef ref) {
        if (!dates.isEmpty()) {
            return ask(ReplyTexts.unexpected(dates.get(0).describe(), Intent.PROGRESS, refText));
        }
        if (!milestones.isEmpty()) {
            return ask(ReplyTexts.unexpected(milestones.get(0).describe(), Intent.PROGRESS, refText));
        }
        if (percents.isEmpty()) {
            return ask(ReplyTexts.missingPercent(refText));
        }
        if (percents.size() > 1 || !HeadScanner.percentsIn(head.rest()).isEmpty()) {
            return ask(ReplyTexts.twoPercents(refText));
        }
        HeadToken.Percent percent = percents.get(0);
        return switch (percent.issue()) {
            case NOT_INTEGER -> ask(ReplyTexts.percentNotInteger(percent.raw(), refText));
            case OUT_OF_RANGE -> ask(ReplyTexts.percentOutOfRange(percent.raw()));
            case NONE -> new ReportProgressReply(ref, percent.value(), free);
        };
    }

    private Reply completion(CommitmentRef ref) {
        if (!dates.isEmpty()) {
            return ask(ReplyTexts.unexpected(dates.get(0).describe(), Intent.COMPLETION, refText));
        }
        if (!milestones.isEmpty()) {
            return ask(ReplyTexts.unexpected(milestones.get(0).describe(), Intent.COMPLETION, refText));
        }
        return new ReportCompletionReply(ref, FreeText.hasContent(free) ? free : "");
    }

    private Reply deadlineChange(CommitmentRef ref, boolean advance) {
        if (!percents.isEmpty()) {
            return ask(ReplyTexts.unexpected(percents.get(0).describe(), Intent.DEADLINE_CHANGE, refText));
        }
        if (milestones.size() > 1) {
            return ask(ReplyTexts.twoMilestones(refText));
        }
        if (dates.isEmpty()) {
            return ask(ReplyTexts.missingDate(refText));
        }
        if (dates.size() > 1) {
            return ask(ReplyTexts.twoDates(refText));
        }
        HeadToken.Date date = dates.get(0);
        return switch (date.issue()) {
            case IMPOSSIBLE -> ask(ReplyTexts.impossibleDate(date.raw()));
            case INCOMPLETE -> ask(ReplyTexts.incompleteDate(date.raw()));
            case OUT_OF_RANGE -> ask(ReplyTexts.dateOutOfRange(date.raw()));
            case NONE -> FreeText.hasContent(free)
                    ? new RequestDeadlineChangeReply(ref,
                    milestones.isEmpty() ? null : milestones.get(0).milestoneId(), date.date(), free, advance)
                    : ask(ReplyTexts.missingReason(refText, date.date().toString()));
        };
    }

    private Reply blocker(CommitmentRef ref) {
        HeadToken extra = firstArgument();
        if (extra != null) {
            return ask(ReplyTexts.unexpected(extra.describe(), Intent.BLOCKER, refText));
        }
        return FreeText.hasContent(free) ? new RaiseBlockerReply(ref, free) : ask(ReplyTexts.missingBlocker(refText));
    }

    private Reply acknowledge(CommitmentRef ref) {
        if (firstArgument() != null || FreeText.hasContent(free)) {
            return ask(ReplyTexts.acknowledgeOnly(refText));
        }
        return new AcknowledgeReply(ref);
    }

    private HeadToken firstArgument() {
        return head.tokens().stream()
                .filter(t -> t instanceof HeadToken.Percent || t instanceof HeadToken.Date || t instanceof HeadToken.Milestone)
                .findFirst().orElse(null);
    }

    private boolean hasPercentBelowHundredInFreeText() {
        return HeadScanner.percentsIn(head.rest()).stream()
                .anyMatch(p -> p.issue() != HeadToken.Percent.Issue.NONE || p.value() != 100);
    }

    private NotUnderstoodReply ask(String question) {
        return new NotUnderstoodReply(understood, question);
    }
}
