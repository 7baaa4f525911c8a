package io.duban.console.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.duban.command.api.Actor;
import io.duban.command.api.Channel;
import io.duban.command.api.audit.PublishAuditDigest;
import io.duban.console.ConsolePage;
import io.duban.console.session.ConsoleUser;
import io.duban.query.api.audit.AuditDigest;
import io.duban.query.api.audit.FindAuditDigests;
import io.duban.query.api.audit.VerificationResult;
import io.duban.query.api.audit.VerifyEventChain;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;

/**
 * 审计 · 校验事件链 and 审计摘要: runs the audit's chain verifier and shows its result with the first bad event;
 * lists the signed digests, publishes one now (office and inspectors may, as on the REST api) and saves one as the
 * JSON file the verifier takes back. Nothing else here writes.
 */
@Controller
class ChainController {

    private final AuditQueries queries;
    private final CommandGateway commands;
    private final ObjectMapper json;
    private final Clock clock;

    ChainController(AuditQueries queries, CommandGateway commands, ObjectMapper json, Clock clock) {
        this.queries = queries;
        this.commands = commands;
        this.json = json;
        this.clock = clock;
    }

    @GetMapping(ConsolePage.ROOT + "/audit/verify")
    String verifyForm(Model model) {
        model.addAttribute("page", ConsolePage.AUDIT);
        model.addAttribute("tab", "verify");
        model.addAttribute("savedDigest", "");
        return "console/audit/verify";
    }

    /** Verifies now; a pasted digest saved earlier is checked too (an unreadable one: the error by the field). */
    @PostMapping(ConsolePage.ROOT + "/audit/verify")
    String verify(@RequestParam(required = false) String savedDigest, Model model) {
        model.addAttribute("page", ConsolePage.AUDIT);
        model.addAttribute("tab", "verify");
        model.addAttribute("savedDigest", savedDigest == null ? "" : savedDigest);
        AuditDigest saved = null;
        String text = FieldErrors.text(savedDigest);
        if (text != null) {
            try {
                saved = json.readValue(text, AuditDigest.class);
            } catch (JsonProcessingException e) {
                model.addAttribute("digestError", "无法识别的摘要：请粘贴“审计摘要”页保存的 JSON 文件的全部内容。");
                return "console/audit/verify";
            }
        }
        VerificationResult result = queries.one(new VerifyEventChain(saved), VerificationResult.class);
        model.addAttribute("result", result);
        model.addAttribute("kindLabel", result.firstBadEvent() == null ? null : kind(result.firstBadEvent().kind()));
        model.addAttribute("evidenceKindLabel",
                result.firstBadEvidence() == null ? null : kind(result.firstBadEvidence().kind()));
        return "console/audit/verify";
    }

    @GetMapping(ConsolePage.ROOT + "/audit/digests")
    String digests(@RequestParam(required = false) String published, Model model) {
        List<AuditDigest> digests = queries.many(new FindAuditDigests(), AuditDigest.class);
        model.addAttribute("page", ConsolePage.AUDIT);
        model.addAttribute("tab", "digests");
        // newest first on the page; the number in the download link is the digest's place, oldest = 1
        model.addAttribute("rows", java.util.stream.IntStream.range(0, digests.size()).map(i -> digests.size() - 1 - i)
                .mapToObj(i -> new DigestRow(i + 1, digests.get(i), at(digests.get(i).at()))).toList());
        model.addAttribute("published", TimelineSearchController.pageNumber(published));
        return "console/audit/digests";
    }

    @PostMapping(ConsolePage.ROOT + "/audit/digests")
    String publish(@ModelAttribute("me") ConsoleUser me) {
        commands.sendAndWait(new PublishAuditDigest(new Actor(me.username(), me.name(), me.role(), me.unitIds(),
                Channel.WEB, null)));
        int count = queries.many(new FindAuditDigests(), AuditDigest.class).size();
        return "redirect:" + ConsolePage.ROOT + "/audit/digests?published=" + count;
    }

    /** The n-th digest (oldest = 1) as the JSON file the verifier takes, a download. */
    @GetMapping(ConsolePage.ROOT + "/audit/digests/{number:[0-9]+}")
    ResponseEntity<byte[]> download(@PathVariable int number) throws JsonProcessingException {
        List<AuditDigest> digests = queries.many(new FindAuditDigests(), AuditDigest.class);
        if (number < 1 || number > digests.size()) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        AuditDigest digest = digests.get(number - 1);
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON)
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"duban-digest-"
                        + digest.globalIndex() + ".json\"")
                .body(json.writerWithDefaultPrettyPrinter().writeValueAsString(digest)
                        .getBytes(StandardCharsets.UTF_8));
    }

    /** A digest in the list: its place (oldest = 1), the digest and its time in the business zone. */
    record DigestRow(int number, AuditDigest digest, String time) {
    }

    private String at(String instant) {
        try {
            return Labels.time(Instant.parse(instant), clock.getZone());
        } catch (DateTimeParseException | NullPointerException e) {
            return instant;
        }
    }

    static String kind(String kind) {
        return switch (kind) {
            case "CHANGED" -> "事件内容被修改";
            case "MISSING" -> "事件被删除";
            case "INSERTED" -> "事件被插入";
            case "OUT_OF_ORDER" -> "事件顺序被改动";
            case "EVIDENCE_MISSING" -> "佐证材料丢失";
            case "EVIDENCE_CHANGED" -> "佐证材料被篡改";
            default -> kind;
        };
    }
}
