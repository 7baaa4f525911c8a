package io.duban.console.commitment;

import io.duban.command.api.ClaimCompletion;
import io.duban.command.api.CommandRefusedException;
import io.duban.command.api.CompleteMilestone;
import io.duban.command.api.RaiseMajorIssue;
import io.duban.command.api.ReportProgress;
import io.duban.command.api.RequestDeadlineChange;
import io.duban.command.api.Role;
import io.duban.command.api.UploadedFile;
import io.duban.command.api.UploadedFiles;
import io.duban.console.ConsolePage;
import io.duban.query.api.evidence.EvidenceDownload;
import io.duban.console.session.ConsoleUser;
import jakarta.servlet.http.HttpServletResponse;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.util.unit.DataSize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * 承诺: one commitment's page, and the unit's actions on it, each a small form posted here and sent as a command.
 * A unit opens only its own commitments (another unit's is the 403 page, not the data) and is offered the actions;
 * the office and inspectors read every commitment (the office's decisions are the page's {@code decisions} slot).
 * A refusal's Chinese message is shown next to its field with what was typed; nothing was recorded. After an action
 * the browser is sent back to the page (post/redirect/get) once the views show it.
 */
@Controller
@RequestMapping(ConsolePage.ROOT + "/commitments/{commitmentId}")
class CommitmentPageController {

    private static final String VIEW = "console/commitment";

    private final CommitmentPageReader reader;
    private final CommandGateway commands;
    private final ViewCatchUp catchUp;
    private final DataSize maxEvidenceSize;
    private final int maxEvidenceFiles;

    CommitmentPageController(CommitmentPageReader reader, CommandGateway commands, ViewCatchUp catchUp,
                             @Value("${duban.evidence.max-file-size:20MB}") DataSize maxEvidenceSize,
                             @Value("${duban.evidence.max-files:10}") int maxEvidenceFiles) {
        this.reader = reader;
        this.commands = commands;
        this.catchUp = catchUp;
        this.maxEvidenceSize = maxEvidenceSize;
        this.maxEvidenceFiles = maxEvidenceFiles;
    }

    @GetMapping
    String page(@PathVariable String commitmentId, @ModelAttribute("me") ConsoleUser me, Model model,
                HttpServletResponse response) {
        CommitmentPage page = read(commitmentId);
        if (!mayRead(me, page)) {
            return denied(response);
        }
        return show(page, me, model, null, Map.of(), Map.of());
    }

    @PostMapping("/progress")
    String reportProgress(@PathVariable String commitmentId, @ModelAttribute("me") ConsoleUser me,
                          @RequestParam(required = false) String percent,
                          @RequestParam(required = false) String progressNote,
                          @RequestParam(required = false) String reasonForDecrease,
                          @RequestParam(required = false) List<MultipartFile> progressFiles,
                          Model model, HttpServletResponse response, RedirectAttributes redirect) {
        Map<String, String> values = values("percent", percent, "progressNote", progressNote,
                "reasonForDecrease", reasonForDecrease);
        FormErrors errors = evidenceErrors(new FormErrors(), "progressFiles")
                .code("progress.out-of-range", "percent")
                .code("progress.decrease-needs-reason", "reasonForDecrease")
                .label("进度说明", "progressNote").label("进度下调原因", "reasonForDecrease");
        return act(commitmentId, me, "progress", values, errors, model, response, redirect, () -> {
            int figure = percent(percent);
            List<UploadedFile> files = UploadedFiles.of(progressFiles);
            commands.sendAndWait(new ReportProgress(commitmentId, figure, progressNote, reasonForDecrease,
                    ConsoleActor.of(me), files));
            return "已报告进度 " + figure + "%" + attached(files) + "。";
        });
    }

    @PostMapping("/deadline-change")
    String requestDeadlineChange(@PathVariable String commitmentId, @ModelAttribute("me") ConsoleUser me,
                                 @RequestParam(required = false) String deadlineTarget,
                                 @RequestParam(required = false) String requestedDueDate,
                                 @RequestParam(required = false) String deadlineReason,
                                 Model model, HttpServletResponse response, RedirectAttributes redirect) {
        Map<String, String> values = values("deadlineTarget", deadlineTarget, "requestedDueDate", requestedDueDate,
                "deadlineReason", deadlineReason);
        FormErrors errors = new FormErrors()
                .code("deadline.date-required", "requestedDueDate").code("date.out-of-range", "requestedDueDate")
                .code("deadline.unchanged", "requestedDueDate").code("deadline.before-start", "requestedDueDate")
                .code("deadline.after-final-due", "requestedDueDate").code("deadline.cuts-milestone", "requestedDueDate")
                .code("milestone.not-found", "deadlineTarget").code("deadline.milestone-completed", "deadlineTarget")
                .code("deadline.already-pending", "deadlineTarget")
                .label("调整原因", "deadlineReason");
        return act(commitmentId, me, "deadline", values, errors, model, response, redirect, () -> {
            String milestoneId = deadlineTarget == null || deadlineTarget.isBlank() || "FINAL".equals(deadlineTarget)
                    ? null : deadlineTarget;
            LocalDate date = FormDates.parse(requestedDueDate, "requestedDueDate", "申请调整后的截止日期");
            String changeId = commands.sendAndWait(new RequestDeadlineChange(commitmentId, milestoneId, date,
                    deadlineReason, ConsoleActor.of(me)));
            return "已提交时限调整申请 " + changeId + "，等待办公室审批。";
        });
    }

    @PostMapping("/issue")
    String raiseMajorIssue(@PathVariable String commitmentId, @ModelAttribute("me") ConsoleUser me,
                           @RequestParam(required = false) String issueSummary,
                           @RequestParam(required = false) String issueDetail,
                           Model model, HttpServletResponse response, RedirectAttributes redirect) {
        Map<String, String> values = values("issueSummary", issueSummary, "issueDetail", issueDetail);
        FormErrors errors = new FormErrors().label("重大事项摘要", "issueSummary").label("重大事项详情", "issueDetail");
        return act(commitmentId, me, "issue", values, errors, model, response, redirect, () -> {
            String issueId = commands.sendAndWait(new RaiseMajorIssue(commitmentId, issueSummary, issueDetail,
                    ConsoleActor.of(me)));
            return "已报告重大事项 " + issueId + "，领导小组办公室将收到提醒。";
        });
    }

    @PostMapping("/milestone")
    String completeMilestone(@PathVariable String commitmentId, @ModelAttribute("me") ConsoleUser me,
                             @RequestParam(required = false) String milestoneId,
                             @RequestParam(required = false) String milestoneNote,
                             @RequestParam(required = false) List<MultipartFile> milestoneFiles,
                             Model model, HttpServletResponse response, RedirectAttributes redirect) {
        Map<String, String> values = values("milestoneId", milestoneId, "milestoneNote", milestoneNote);
        FormErrors errors = evidenceErrors(new FormErrors(), "milestoneFiles").code("milestone.not-found", "milestoneId")
                .code("milestone.already-completed", "milestoneId").label("完成说明", "milestoneNote");
        return act(commitmentId, me, "milestone", values, errors, model, response, redirect, () -> {
            if (milestoneId == null || milestoneId.isBlank()) {
                throw new FieldProblem("milestoneId", "请选择要完成的里程碑。");
            }
            List<UploadedFile> files = UploadedFiles.of(milestoneFiles);
            commands.sendAndWait(new CompleteMilestone(commitmentId, milestoneId, milestoneNote, ConsoleActor.of(me),
                    files));
            return "里程碑 " + milestoneId + " 已完成" + attached(files) + "。";
        });
    }

    @PostMapping("/completion-claim")
    String claimCompletion(@PathVariable String commitmentId, @ModelAttribute("me") ConsoleUser me,
                           @RequestParam(required = false) String claimSummary,
                           @RequestParam(required = false) List<MultipartFile> claimFiles,
                           Model model, HttpServletResponse response, RedirectAttributes redirect) {
        Map<String, String> values = values("claimSummary", claimSummary);
        FormErrors errors = evidenceErrors(new FormErrors(), "claimFiles").code("completion.evidence-required",
                "claimFiles").label("完成情况说明", "claimSummary");
        return act(commitmentId, me, "claim", values, errors, model, response, redirect, () -> {
            List<UploadedFile> files = UploadedFiles.of(claimFiles);
            commands.sendAndWait(new ClaimCompletion(commitmentId, claimSummary, ConsoleActor.of(me), false, files));
            return "已申请办结" + attached(files) + "，等待领导小组办公室核验。";
        });
    }

    /**
     * A file of 佐证材料, downloaded as an attachment: by whoever may read the page and is allowed by the read side's
     * rule (office, inspectors, the commitment's own unit).
     */
    @GetMapping("/evidence/{sha256}")
    Object evidence(@PathVariable String commitmentId, @PathVariable String sha256,
                    @ModelAttribute("me") ConsoleUser me, HttpServletResponse response) {
        EvidenceDownload download = reader.evidence(commitmentId, sha256)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        if (!download.readableBy(ConsoleActor.of(me))) {
            return denied(response);
        }
        return download.asAttachment();
    }

    /** The refusals about 佐证材料 belong next to the form's file input. */
    private static FormErrors evidenceErrors(FormErrors errors, String field) {
        for (String code : List.of("evidence.empty", "evidence.too-large", "evidence.type-not-allowed",
                "evidence.name-mismatch", "evidence.too-many")) {
            errors.code(code, field);
        }
        return errors.label("佐证材料", field);
    }

    private static String attached(List<UploadedFile> files) {
        return files.isEmpty() ? "" : "，附佐证材料 " + files.size() + " 个";
    }

    /**
     * One action: only the commitment's own unit may take it (anyone else gets the 403 page and nothing is sent);
     * a refusal re-renders the page with the message next to its field (422), a success redirects to the page.
     */
    private String act(String commitmentId, ConsoleUser me, String form, Map<String, String> values,
                       FormErrors errors, Model model, HttpServletResponse response, RedirectAttributes redirect,
                       Supplier<String> action) {
        CommitmentPage page = read(commitmentId);
        if (!mayAct(me, page)) {
            return denied(response);
        }
        String notice;
        try {
            notice = action.get();
        } catch (FieldProblem problem) {
            return refused(page, me, model, response, form, values, Map.of(problem.field(), problem.getMessage()));
        } catch (RuntimeException failure) {
            CommandRefusedException refused = Refusals.of(failure).orElseThrow(() -> failure);
            String field = errors.fieldOf(refused);
            return refused(page, me, model, response, form, values,
                    Map.of(FormErrors.FORM.equals(field) ? form : field, refused.getMessage()));
        }
        catchUp.awaitAfter(commitmentId, page.lastSequence());
        redirect.addFlashAttribute("notice", notice);
        return "redirect:" + ConsolePage.COMMITMENT.path() + "/" + commitmentId;
    }

    private String refused(CommitmentPage page, ConsoleUser me, Model model, HttpServletResponse response,
                           String form, Map<String, String> values, Map<String, String> errors) {
        response.setStatus(HttpStatus.UNPROCESSABLE_ENTITY.value());
        return show(page, me, model, form, values, errors);
    }

    private String show(CommitmentPage page, ConsoleUser me, Model model, String form, Map<String, String> values,
                        Map<String, String> errors) {
        model.addAttribute("page", ConsolePage.COMMITMENT);
        model.addAttribute("c", page);
        model.addAttribute("mayAct", mayAct(me, page));
        model.addAttribute("isOffice", me.role() == Role.OFFICE);
        model.addAttribute("form", form);
        model.addAttribute("values", values);
        model.addAttribute("errors", errors);
        model.addAttribute("maxEvidenceBytes", maxEvidenceSize.toBytes());
        model.addAttribute("maxEvidenceFiles", maxEvidenceFiles);
        model.addAttribute("maxEvidenceLabel", maxEvidenceSize.toMegabytes() + " MB");
        return VIEW;
    }

    private CommitmentPage read(String commitmentId) {
        return reader.read(commitmentId).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }

    /** A unit reads only its own commitments; the office and inspectors read all. */
    static boolean mayRead(ConsoleUser me, CommitmentPage page) {
        return switch (me.role()) {
            case OFFICE, INSPECTOR -> true;
            case UNIT -> me.unitIds().contains(page.unitId());
            case OPERATOR -> false;
        };
    }

    /** The unit's actions: only for the commitment's own unit (the page also hides those its status rules out). */
    static boolean mayAct(ConsoleUser me, CommitmentPage page) {
        return me.role() == Role.UNIT && me.unitIds().contains(page.unitId());
    }

    private static String denied(HttpServletResponse response) {
        response.setStatus(HttpStatus.FORBIDDEN.value());
        return "console/denied";
    }

    private static int percent(String text) {
        if (text == null || text.isBlank()) {
            throw new FieldProblem("percent", "请填写进度（0–100）。");
        }
        try {
            return Integer.parseInt(text.strip());
        } catch (NumberFormatException e) {
            throw new FieldProblem("percent", "进度须为 0 到 100 之间的整数。");
        }
    }


    private static Map<String, String> values(String... pairs) {
        Map<String, String> values = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            values.put(pairs[i], pairs[i + 1] == null ? "" : pairs[i + 1]);
        }
        return values;
    }
}
