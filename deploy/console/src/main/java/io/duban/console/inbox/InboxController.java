package io.duban.console.inbox;

import io.duban.command.api.ApproveDeadlineChange;
import io.duban.command.api.CommitmentStatus;
import io.duban.command.api.OpenCommitments;
import io.duban.command.api.RejectDeadlineChange;
import io.duban.command.api.ReopenCommitment;
import io.duban.command.api.ResolveMajorIssue;
import io.duban.command.api.UrgeCommitment;
import io.duban.command.api.evidence.WaiveCompletionEvidence;
import io.duban.command.api.VerifyCompletion;
import io.duban.console.ConsolePage;
import io.duban.console.command.CommandSender;
import io.duban.console.command.CommandSender.Outcome;
import io.duban.console.session.ConsoleUser;
import io.duban.query.api.commitment.CommitmentView;
import io.duban.query.api.inbox.OfficeInbox;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

/**
 * 待办, the office's inbox (office only: the browser security guards every path under it, the aggregates every
 * command again). Each decision is a small htmx form sending one command; the answer replaces the form: the refusal
 * next to the field (nothing recorded), or 已处理, which asks the read side until the decision is projected and then
 * takes the row away, so the page never offers the same decision twice. The decision forms are the fragments of
 * {@code console/fragments/decisions.html}; a commitment's page uses them too ({@code place=commitment}).
 */
@Controller
@RequestMapping(InboxController.ROOT)
class InboxController {

    static final String ROOT = ConsolePage.ROOT + "/inbox";
    private static final String FRAGMENTS = "console/fragments/decisions";

    private final InboxReader reader;
    private final CommandSender sender;
    private final OpenCommitments openCommitments;
    private final Clock clock;

    InboxController(InboxReader reader, CommandSender sender, OpenCommitments openCommitments, Clock clock) {
        this.reader = reader;
        this.sender = sender;
        this.openCommitments = openCommitments;
        this.clock = clock;
    }

    /** Times are shown in the business zone (the clock's). */
    @ModelAttribute("zone")
    java.time.ZoneId zone() {
        return clock.getZone();
    }

    /**
     * A page of the inbox: {@code ?page=n} (from 1) shows rows {@code 20(n-1)+1} to {@code 20n} of each list, so a
     * list of a thousand rows is read and sent twenty at a time, what has waited longest first.
     */
    @GetMapping
    String inbox(@RequestParam(name = "page", required = false) String page, Model model) {
        int number = InboxPaging.pageNumber(page);
        OfficeInbox inbox = reader.inbox(number);
        model.addAttribute("page", ConsolePage.INBOX);
        model.addAttribute("inbox", inbox);
        model.addAttribute("paging", InboxPaging.of(inbox, number, InboxReader.PAGE_SIZE));
        return "console/inbox";
    }

    @PostMapping("/deadline-changes/{commitmentId}/{changeId}/approval")
    ModelAndView approve(@ModelAttribute("me") ConsoleUser me, @PathVariable String commitmentId,
                         @PathVariable String changeId, @RequestParam(required = false) String text,
                         @RequestParam(required = false) String place) {
        Outcome outcome = sender.send(me, actor -> new ApproveDeadlineChange(commitmentId, changeId, text, actor));
        return decided(outcome, Decision.CHANGE, commitmentId, changeId, text, place);
    }

    @PostMapping("/deadline-changes/{commitmentId}/{changeId}/rejection")
    ModelAndView reject(@ModelAttribute("me") ConsoleUser me, @PathVariable String commitmentId,
                        @PathVariable String changeId, @RequestParam(required = false) String text,
                        @RequestParam(required = false) String place) {
        Outcome outcome = sender.send(me, actor -> new RejectDeadlineChange(commitmentId, changeId, text, actor));
        return decided(outcome, Decision.CHANGE, commitmentId, changeId, text, place);
    }

    @PostMapping("/claims/{commitmentId}/verification")
    ModelAndView verify(@ModelAttribute("me") ConsoleUser me, @PathVariable String commitmentId,
                        @RequestParam(required = false) String text, @RequestParam(required = false) String place) {
        Outcome outcome = sender.send(me, actor -> new VerifyCompletion(commitmentId, text, actor));
        return decided(outcome, Decision.CLAIM, commitmentId, null, text, place);
    }

    @PostMapping("/claims/{commitmentId}/reopening")
    ModelAndView sendBack(@ModelAttribute("me") ConsoleUser me, @PathVariable String commitmentId,
                          @RequestParam(required = false) String text, @RequestParam(required = false) String place) {
        Outcome outcome = sender.send(me, actor -> new ReopenCommitment(commitmentId, text, actor));
        return decided(outcome, Decision.CLAIM, commitmentId, null, text, place);
    }

    @PostMapping("/issues/{commitmentId}/{issueId}/resolution")
    ModelAndView resolve(@ModelAttribute("me") ConsoleUser me, @PathVariable String commitmentId,
                         @PathVariable String issueId, @RequestParam(required = false) String text,
                         @RequestParam(required = false) String place) {
        Outcome outcome = sender.send(me, actor -> new ResolveMajorIssue(commitmentId, issueId, text, actor));
        return decided(outcome, Decision.ISSUE, commitmentId, issueId, text, place);
    }

    @PostMapping("/evidence-waivers/{commitmentId}")
    ModelAndView waive(@ModelAttribute("me") ConsoleUser me, @PathVariable String commitmentId,
                       @RequestParam(required = false) String text, @RequestParam(required = false) String place) {
        Outcome outcome = sender.send(me, actor -> new WaiveCompletionEvidence(commitmentId, text, actor));
        return decided(outcome, Decision.WAIVER, commitmentId, null, text, place);
    }

    /** 催办 one commitment: the row stays (the reason for urging does), its form gives way to 已催办. */
    @PostMapping("/urging/commitments/{commitmentId}")
    ModelAndView urgeCommitment(@ModelAttribute("me") ConsoleUser me, @PathVariable String commitmentId,
                                @RequestParam(required = false) String text,
                                @RequestParam(required = false) String place) {
        Outcome outcome = sender.send(me, actor -> new UrgeCommitment(commitmentId, text, actor));
        if (!outcome.accepted()) {
            return urgeForm("commitment", commitmentId, text, outcome.refusal(), place);
        }
        return urged(1);
    }

    /**
     * 催办 a whole unit, as {@code POST /api/units/{unitId}/urging} does: every commitment of the unit not verified yet,
     * as the event store knows them (not the views); one verified meanwhile is skipped.
     */
    @PostMapping("/urging/units/{unitId}")
    ModelAndView urgeUnit(@ModelAttribute("me") ConsoleUser me, @PathVariable String unitId,
                          @RequestParam(required = false) String text, @RequestParam(required = false) String place) {
        if (text == null || text.isBlank()) {
            return urgeForm("unit", unitId, text, "请填写催办内容。", place);
        }
        List<String> open = openCommitments.ofUnit(unitId);
        if (open.isEmpty()) {
            return urgeForm("unit", unitId, text, "该单位没有未办结的承诺，无需催办。", place);
        }
        int urged = 0;
        String refusal = null;
        for (String commitmentId : open) {
            Outcome outcome = sender.send(me, actor -> new UrgeCommitment(commitmentId, text, actor));
            if (outcome.accepted()) {
                urged++;
            } else if (refusal == null) {
                refusal = outcome.refusal(); // e.g. verified meanwhile: the others are still urged
            }
        }
        if (urged == 0) {
            return urgeForm("unit", unitId, text, refusal, place);
        }
        return urged(urged);
    }

    /**
     * Asked by a decided row every moment: 204 while the read side still shows the decision pending (the row keeps
     * saying 已处理), then an empty answer that takes the row away; in the inbox with the sections' new counts.
     */
    @GetMapping("/check")
    Object check(@RequestParam String kind, @RequestParam String commitmentId,
                 @RequestParam(required = false) String ref, @RequestParam(required = false) String place) {
        Decision decision = Decision.of(kind);
        boolean pending = reader.commitment(commitmentId).map(d -> decision.pending(d.commitment(), ref))
                .orElse(false);
        if (pending) {
            return ResponseEntity.status(HttpStatus.NO_CONTENT).build();
        }
        ModelAndView gone = new ModelAndView(FRAGMENTS + " :: gone");
        gone.addObject("inbox", "inbox".equals(place) ? reader.inbox() : null);
        return gone;
    }

    private ModelAndView decided(Outcome outcome, Decision decision, String commitmentId, String ref, String text,
                                 String place) {
        if (!outcome.accepted()) {
            ModelAndView form = new ModelAndView(FRAGMENTS + " :: " + decision.form);
            form.addObject("commitmentId", commitmentId);
            form.addObject("ref", ref);
            form.addObject("text", text);
            form.addObject("error", outcome.refusal());
            form.addObject("place", place);
            return form;
        }
        ModelAndView done = new ModelAndView(FRAGMENTS + " :: processed");
        done.addObject("kind", decision.key);
        done.addObject("commitmentId", commitmentId);
        done.addObject("ref", ref);
        done.addObject("place", place);
        return done;
    }

    private static ModelAndView urgeForm(String target, String id, String text, String error, String place) {
        ModelAndView form = new ModelAndView(FRAGMENTS + " :: urge-form");
        form.addObject("target", target);
        form.addObject("id", id);
        form.addObject("text", text);
        form.addObject("error", error);
        form.addObject("place", place);
        return form;
    }

    private ModelAndView urged(int commitments) {
        ModelAndView done = new ModelAndView(FRAGMENTS + " :: urged");
        done.addObject("count", commitments);
        done.addObject("at", Instant.now(clock));
        return done;
    }

    /** The kinds of decision a row can wait for, and how the read side shows one still pending. */
    enum Decision {
        CHANGE("change", "change-form") {
            @Override
            boolean pending(CommitmentView c, String ref) {
                return c.pendingDeadlineChanges().stream().anyMatch(p -> p.changeId().equals(ref));
            }
        },
        CLAIM("claim", "claim-form") {
            @Override
            boolean pending(CommitmentView c, String ref) {
                return c.status() == CommitmentStatus.COMPLETION_CLAIMED;
            }
        },
        ISSUE("issue", "issue-form") {
            @Override
            boolean pending(CommitmentView c, String ref) {
                return c.openIssues().stream().anyMatch(i -> i.issueId().equals(ref));
            }
        },
        WAIVER("waiver", "waiver-form") {
            @Override
            boolean pending(CommitmentView c, String ref) {
                return c.evidenceWaiver() == null;
            }
        };

        final String key;
        final String form;

        Decision(String key, String form) {
            this.key = key;
            this.form = form;
        }

        abstract boolean pending(CommitmentView commitment, String ref);

        static Decision of(String key) {
            for (Decision d : values()) {
                if (d.key.equals(key)) {
                    return d;
                }
            }
            throw new org.springframework.web.server.ResponseStatusException(HttpStatus.NOT_FOUND);
        }
    }
}
