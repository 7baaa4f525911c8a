package io.duban.console.dispatch;

import io.duban.command.api.OpenCommitments;
import io.duban.command.api.Role;
import io.duban.command.api.calendar.WorkingCalendar;
import io.duban.command.api.dispatch.DispatchRoundId;
import io.duban.command.api.dispatch.OpenDispatchRound;
import io.duban.console.ConsolePage;
import io.duban.console.command.CommandSender;
import io.duban.console.command.CommandSender.Outcome;
import io.duban.console.session.ConsoleUser;
import io.duban.query.api.dispatch.DigestFile;
import io.duban.query.api.dispatch.DispatchRoundView;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.ModelAndView;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

/**
 * 季度调度 (office; inspectors read only): the rounds, one round's units (who reported, who not) and its digest, the
 * digest as CSV, and opening the current quarter's round. Opening sends the command {@code POST /api/dispatch-rounds}
 * sends through its step ({@code DispatchSteps.openNow}, not reachable from here): {@link OpenDispatchRound} of today's
 * quarter with every open commitment as the event store knows them and the configured report deadline; on an open
 * round the same command adds the commitments it does not hold yet.
 */
@Controller
@RequestMapping(DispatchController.ROOT)
class DispatchController {

    static final String ROOT = ConsolePage.ROOT + "/dispatch";
    static final MediaType CSV = new MediaType("text", "csv", StandardCharsets.UTF_8);

    private final DispatchReader reader;
    private final CommandSender sender;
    private final OpenCommitments openCommitments;
    private final WorkingCalendar calendar;
    private final Clock clock;
    private final int deadlineWorkingDay;

    DispatchController(DispatchReader reader, CommandSender sender, OpenCommitments openCommitments,
                       WorkingCalendar calendar, Clock clock,
                       @Value("${duban.dispatch.report-deadline-working-day:10}") int deadlineWorkingDay) {
        this.reader = reader;
        this.sender = sender;
        this.openCommitments = openCommitments;
        this.calendar = calendar;
        this.clock = clock;
        this.deadlineWorkingDay = deadlineWorkingDay;
    }

    @GetMapping
    String dispatch(@RequestParam(name = "round", required = false) String round, Model model) {
        List<DispatchRoundView> rounds = reader.rounds();
        String current = DispatchRoundId.of(LocalDate.now(clock));
        DispatchRoundView currentRound = rounds.stream().filter(r -> r.roundId().equals(current)).findFirst().orElse(null);
        String selected = round != null ? round
                : currentRound != null ? current
                : rounds.isEmpty() ? null : rounds.get(0).roundId();
        model.addAttribute("page", ConsolePage.DISPATCH);
        model.addAttribute("rounds", rounds);
        model.addAttribute("currentRoundId", current);
        model.addAttribute("currentRound", currentRound);
        model.addAttribute("selected", selected);
        model.addAttribute("digest", selected == null ? null : reader.digest(selected).orElse(null));
        return "console/dispatch";
    }

    @PostMapping("/rounds")
    ModelAndView open(@ModelAttribute("me") ConsoleUser me) {
        if (me.role() != Role.OFFICE) {
            throw new AccessDeniedException("only the office opens a dispatch round");
        }
        LocalDate today = LocalDate.now(clock);
        String roundId = DispatchRoundId.of(today);
        LocalDate start = DispatchRoundId.quarterStart(roundId);
        LocalDate deadline = calendar.plusWorkingDays(start.minusDays(1), deadlineWorkingDay);
        List<String> open = openCommitments.all();
        Outcome outcome = sender.send(me, actor -> new OpenDispatchRound(roundId, start,
                DispatchRoundId.quarterEnd(roundId), deadline, open, actor));
        ModelAndView answer = new ModelAndView("console/dispatch :: " + (outcome.accepted() ? "opening" : "open-form"));
        answer.addObject("currentRoundId", roundId);
        answer.addObject("opened", Boolean.TRUE.equals(outcome.result()));
        answer.addObject("error", outcome.refusal());
        return answer;
    }

    /** Asked by the 正在开启 notice: 204 until the read side shows the round, then the page of the round. */
    @GetMapping("/rounds/{roundId}/ready")
    ResponseEntity<Void> ready(@PathVariable String roundId) {
        boolean shown = reader.rounds().stream().anyMatch(r -> r.roundId().equals(roundId));
        if (!shown) {
            return ResponseEntity.noContent().build();
        }
        return ResponseEntity.ok().header("HX-Redirect", ROOT + "?round=" + roundId).build();
    }

    @GetMapping("/rounds/{roundId}/digest.csv")
    ResponseEntity<byte[]> csv(@PathVariable String roundId) {
        DigestFile file = reader.csv(roundId).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        return ResponseEntity.ok().contentType(CSV)
                .header("Content-Disposition", "attachment; filename=\"" + file.filename() + "\"")
                .header("X-Content-Type-Options", "nosniff")
                .body(file.text().getBytes(StandardCharsets.UTF_8));
    }
}
