package io.duban.command.web;

import io.duban.command.access.CurrentActor;
import io.duban.command.api.Actor;
import io.duban.command.api.ApproveDeadlineChange;
import io.duban.command.api.ClaimCompletion;
import io.duban.command.api.CommandRefusedException;
import io.duban.command.api.CommitmentId;
import io.duban.command.api.CompleteMilestone;
import io.duban.command.api.RaiseMajorIssue;
import io.duban.command.api.RegisterCommitment;
import io.duban.command.api.RejectDeadlineChange;
import io.duban.command.api.ReopenCommitment;
import io.duban.command.api.ReportProgress;
import io.duban.command.api.RequestDeadlineChange;
import io.duban.command.api.ResolveMajorIssue;
import io.duban.command.api.UrgeCommitment;
import io.duban.command.api.VerifyCompletion;
import io.duban.command.api.UploadedFile;
import io.duban.command.api.UploadedFiles;
import io.duban.command.api.evidence.WaiveCompletionEvidence;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import java.net.URI;
import java.util.List;

/** The write API for commitments: one POST per command; reads live in the query module. */
@RestController
@RequestMapping(path = "/api/commitments", produces = "application/json")
public class CommitmentCommandController {

    private final CommandGateway commands;
    private final CurrentActor currentActor;

    public CommitmentCommandController(CommandGateway commands, CurrentActor currentActor) {
        this.commands = commands;
        this.currentActor = currentActor;
    }

    @PostMapping
    public ResponseEntity<CommandAccepted> register(@RequestBody RegisterCommitmentRequest body) {
        Actor actor = currentActor.get();
        if (body.policyId() == null || body.itemNumber() == null) {
            throw CommandRefusedException.invalid("input.required", "请填写政策编号 policyId 和事项序号 itemNumber。");
        }
        String unitId = body.unitId();
        if (unitId == null && actor.unitIds().size() == 1) {
            unitId = actor.unitIds().iterator().next();
        }
        if (unitId == null) {
            throw CommandRefusedException.invalid("input.required", "请填写登记承诺的责任单位 unitId。");
        }
        String commitmentId = CommitmentId.of(body.policyId(), body.itemNumber(), unitId);
        commands.sendAndWait(new RegisterCommitment(commitmentId, body.policyId(), body.itemNumber(), unitId,
                body.responsible(), body.roadmap(), body.startDate(), body.dueDate(), body.milestones(), actor));
        return ResponseEntity.created(URI.create("/api/commitments/" + commitmentId))
                .body(new CommandAccepted(commitmentId, null));
    }

    @PostMapping("/{commitmentId}/progress")
    public CommandAccepted reportProgress(@PathVariable String commitmentId, @RequestBody ProgressRequest body) {
        return reportProgress(commitmentId, body, List.of());
    }

    /** The same with 佐证材料: form fields {@code percent}, {@code note}, {@code reasonForDecrease}, parts {@code files}. */
    @PostMapping(path = "/{commitmentId}/progress", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    public CommandAccepted reportProgressWithEvidence(@PathVariable String commitmentId,
                                                      @RequestParam(required = false) Integer percent,
                                                      @RequestParam(required = false) String note,
                                                      @RequestParam(required = false) String reasonForDecrease,
                                                      @RequestPart(required = false) List<MultipartFile> files) {
        return reportProgress(commitmentId, new ProgressRequest(percent, note, reasonForDecrease), UploadedFiles.of(files));
    }

    private CommandAccepted reportProgress(String commitmentId, ProgressRequest body, List<UploadedFile> files) {
        if (body.percent() == null) {
            throw CommandRefusedException.invalid("input.required", "请填写进度 percent（0–100）。");
        }
        commands.sendAndWait(new ReportProgress(commitmentId, body.percent(), body.note(), body.reasonForDecrease(),
                currentActor.get(), files));
        return new CommandAccepted(commitmentId, null);
    }

    /** With 佐证材料: form field {@code text} (the note), parts {@code files}. */
    @PostMapping(path = "/{commitmentId}/milestones/{milestoneId}/completion",
            consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    public CommandAccepted completeMilestoneWithEvidence(@PathVariable String commitmentId,
                                                         @PathVariable String milestoneId,
                                                         @RequestParam(required = false) String text,
                                                         @RequestPart(required = false) List<MultipartFile> files) {
        commands.sendAndWait(new CompleteMilestone(commitmentId, milestoneId, text, currentActor.get(),
                UploadedFiles.of(files)));
        return new CommandAccepted(commitmentId, milestoneId);
    }

    @PostMapping("/{commitmentId}/milestones/{milestoneId}/completion")
    public CommandAccepted completeMilestone(@PathVariable String commitmentId, @PathVariable String milestoneId,
                                             @RequestBody(required = false) NoteRequest body) {
        commands.sendAndWait(new CompleteMilestone(commitmentId, milestoneId, text(body), currentActor.get()));
        return new CommandAccepted(commitmentId, milestoneId);
    }

    @PostMapping("/{commitmentId}/deadline-changes")
    public ResponseEntity<CommandAccepted> requestDeadlineChange(@PathVariable String commitmentId,
                                                                 @RequestBody DeadlineChangeRequest body) {
        String changeId = commands.sendAndWait(new RequestDeadlineChange(commitmentId, body.milestoneId(),
                body.requestedDueDate(), body.reason(), currentActor.get()));
        return ResponseEntity.status(201).body(new CommandAccepted(commitmentId, changeId));
    }

    @PostMapping("/{commitmentId}/deadline-changes/{changeId}/approval")
    public CommandAccepted approveDeadlineChange(@PathVariable String commitmentId, @PathVariable String changeId,
                                                 @RequestBody(required = false) NoteRequest body) {
        commands.sendAndWait(new ApproveDeadlineChange(commitmentId, changeId, text(body), currentActor.get()));
        return new CommandAccepted(commitmentId, changeId);
    }

    @PostMapping("/{commitmentId}/deadline-changes/{changeId}/rejection")
    public CommandAccepted rejectDeadlineChange(@PathVariable String commitmentId, @PathVariable String changeId,
                                                @RequestBody(required = false) NoteRequest body) {
        commands.sendAndWait(new RejectDeadlineChange(commitmentId, changeId, text(body), currentActor.get()));
        return new CommandAccepted(commitmentId, changeId);
    }

    @PostMapping("/{commitmentId}/issues")
    public ResponseEntity<CommandAccepted> raiseMajorIssue(@PathVariable String commitmentId,
                                                           @RequestBody MajorIssueRequest body) {
        String issueId = commands.sendAndWait(new RaiseMajorIssue(commitmentId, body.summary(), body.detail(),
                currentActor.get()));
        return ResponseEntity.status(201).body(new CommandAccepted(commitmentId, issueId));
    }

    @PostMapping("/{commitmentId}/issues/{issueId}/resolution")
    public CommandAccepted resolveMajorIssue(@PathVariable String commitmentId, @PathVariable String issueId,
                                             @RequestBody(required = false) NoteRequest body) {
        commands.sendAndWait(new ResolveMajorIssue(commitmentId, issueId, text(body), currentActor.get()));
        return new CommandAccepted(commitmentId, issueId);
    }

    /** Without files: refused unless the office waived 佐证材料 for this commitment ({@code /evidence-waiver}). */
    @PostMapping("/{commitmentId}/completion-claim")
    public CommandAccepted claimCompletion(@PathVariable String commitmentId,
                                           @RequestBody(required = false) NoteRequest body) {
        commands.sendAndWait(new ClaimCompletion(commitmentId, text(body), currentActor.get()));
        return new CommandAccepted(commitmentId, null);
    }

    /** With 佐证材料: form field {@code text} (the summary), parts {@code files}. */
    @PostMapping(path = "/{commitmentId}/completion-claim", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    public CommandAccepted claimCompletionWithEvidence(@PathVariable String commitmentId,
                                                       @RequestParam(required = false) String text,
                                                       @RequestPart(required = false) List<MultipartFile> files) {
        commands.sendAndWait(new ClaimCompletion(commitmentId, text, currentActor.get(), false, UploadedFiles.of(files)));
        return new CommandAccepted(commitmentId, null);
    }

    /** 免附佐证材料 (office only): body {"text": "reason"}. */
    @PostMapping("/{commitmentId}/evidence-waiver")
    public CommandAccepted waiveCompletionEvidence(@PathVariable String commitmentId,
                                                   @RequestBody(required = false) NoteRequest body) {
        commands.sendAndWait(new WaiveCompletionEvidence(commitmentId, text(body), currentActor.get()));
        return new CommandAccepted(commitmentId, null);
    }

    @PostMapping("/{commitmentId}/verification")
    public CommandAccepted verifyCompletion(@PathVariable String commitmentId,
                                            @RequestBody(required = false) NoteRequest body) {
        commands.sendAndWait(new VerifyCompletion(commitmentId, text(body), currentActor.get()));
        return new CommandAccepted(commitmentId, null);
    }

    @PostMapping("/{commitmentId}/reopening")
    public CommandAccepted reopen(@PathVariable String commitmentId,
                                  @RequestBody(required = false) NoteRequest body) {
        commands.sendAndWait(new ReopenCommitment(commitmentId, text(body), currentActor.get()));
        return new CommandAccepted(commitmentId, null);
    }

    /** 催办 (office only): body {"text": "…"}. Urging a whole unit comes with the deploy module (it needs the view). */
    @PostMapping("/{commitmentId}/urging")
    public CommandAccepted urge(@PathVariable String commitmentId, @RequestBody(required = false) NoteRequest body) {
        commands.sendAndWait(new UrgeCommitment(commitmentId, text(body), currentActor.get()));
        return new CommandAccepted(commitmentId, null);
    }

    private static String text(NoteRequest body) {
        return body == null ? null : body.text();
    }
}
