package io.duban.command.web;

import io.duban.command.access.CurrentActor;
import io.duban.command.api.Actor;
import io.duban.command.api.CommandRefusedException;
import io.duban.command.api.ImportCorrection;
import io.duban.command.api.ImportPolicy;
import io.duban.command.catalog.ImportOutcome;
import io.duban.command.catalog.Policy;
import io.duban.command.catalog.PolicyDocumentParser;
import io.duban.command.catalog.SourceDigest;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.util.List;

/**
 * Import a new policy document as plain UTF-8 text: directly (re-posting the same text is a harmless no-op), or first
 * as a preview that records nothing, then a confirm with the office's corrections.
 */
@RestController
@RequestMapping(path = "/api/policies", produces = "application/json")
public class PolicyCommandController {

    /** Larger than any real 意见 document (the bundled one is 25 KB); keeps a hostile upload from filling memory. */
    static final int MAX_DOCUMENT_CHARS = 1_000_000;

    private final CommandGateway commands;
    private final CurrentActor currentActor;
    private final PolicyDocumentParser parser;

    public PolicyCommandController(CommandGateway commands, CurrentActor currentActor, PolicyDocumentParser parser) {
        this.commands = commands;
        this.currentActor = currentActor;
        this.parser = parser;
    }

    @PostMapping(consumes = MediaType.TEXT_PLAIN_VALUE)
    public ResponseEntity<ImportOutcome> importPolicy(@RequestParam String policyId,
                                                      @RequestBody(required = false) String text) {
        return send(policyId, checked(text), List.of());
    }

    /** Every item with its units (known / new), article and targets, and every warning; records nothing. */
    @PostMapping(path = "/preview", consumes = MediaType.TEXT_PLAIN_VALUE)
    public PolicyPreview preview(@RequestParam String policyId, @RequestBody(required = false) String text) {
        return preview(policyId, checked(text), List.of());
    }

    /** The preview again with corrections, to see what the confirm would record; records nothing. */
    @PostMapping(path = "/preview", consumes = MediaType.APPLICATION_JSON_VALUE)
    public PolicyPreview previewCorrected(@RequestParam String policyId,
                                          @RequestBody PolicyConfirmation confirmation) {
        return preview(policyId, checked(confirmation.text()), confirmation.corrections());
    }

    /** Records the previewed text with the office's corrections as {@code PolicyImported}. */
    @PostMapping(path = "/confirmation", consumes = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<ImportOutcome> confirm(@RequestParam String policyId,
                                                 @RequestBody PolicyConfirmation confirmation) {
        String text = checked(confirmation.text());
        if (confirmation.sha256() != null && !confirmation.sha256().equalsIgnoreCase(SourceDigest.sha256(text))) {
            throw CommandRefusedException.invalid("policy.preview-mismatch",
                    "确认的文本与预览的文本不一致（sha256 不同），请重新预览后再确认。");
        }
        return send(policyId, text, confirmation.corrections());
    }

    private PolicyPreview preview(String policyId, String text, List<ImportCorrection> corrections) {
        Actor actor = currentActor.get();
        if (!actor.isOffice()) {
            throw CommandRefusedException.notPermitted("policy.office-only", "只有领导小组办公室可以导入政策文件。");
        }
        if (!Policy.isValidId(policyId)) {
            throw CommandRefusedException.invalid("policy.bad-id",
                    "政策编号须为 3–40 位小写字母、数字或连字符，例如 nzf-2023-1。");
        }
        return PolicyPreview.of(policyId, parser.read(text, corrections));
    }

    private ResponseEntity<ImportOutcome> send(String policyId, String text, List<ImportCorrection> corrections) {
        ImportOutcome outcome = commands.sendAndWait(new ImportPolicy(policyId, text, currentActor.get(), corrections));
        URI location = URI.create("/api/policies/" + outcome.policyId());
        return outcome.imported() ? ResponseEntity.created(location).body(outcome) : ResponseEntity.ok(outcome);
    }

    private static String checked(String text) {
        if (text == null || text.isBlank()) {
            throw CommandRefusedException.invalid("policy.empty", "政策文件内容为空：请以 UTF-8 文本提交整份文件。");
        }
        if (text.length() > MAX_DOCUMENT_CHARS) {
            throw CommandRefusedException.invalid("policy.too-large", "政策文件过大（超过 100 万字）。");
        }
        return text;
    }
}
