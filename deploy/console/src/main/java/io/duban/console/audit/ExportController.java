package io.duban.console.audit;

import io.duban.console.ConsolePage;
import io.duban.query.api.export.FindTrailDocument;
import io.duban.query.api.export.FindTrailDocument.Format;
import io.duban.query.api.export.TrailDocument;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Base64;
import java.util.Map;

/**
 * 审计 · 轨迹导出: the audit trail of a commitment, a unit or a quarter as CSV, JSON Lines or printable HTML — the
 * documents of {@code GET /api/audit/trail.*}, asked through the query bus. A bad subject is shown next to the form.
 */
@Controller
class ExportController {

    private final AuditQueries queries;
    private final Clock clock;

    ExportController(AuditQueries queries, Clock clock) {
        this.queries = queries;
        this.clock = clock;
    }

    @GetMapping(ConsolePage.ROOT + "/audit/exports")
    String form(Model model) {
        return page(model, "unit", null, null, null, null);
    }

    @GetMapping(ConsolePage.ROOT + "/audit/exports/trail")
    Object export(@RequestParam(required = false) String subject,
                  @RequestParam(required = false) String commitmentId,
                  @RequestParam(required = false) String unitId,
                  @RequestParam(required = false) String quarter,
                  @RequestParam(required = false) String format,
                  Model model) {
        String kind = subject == null ? "unit" : subject;
        Format chosen = switch (format == null ? "" : format) {
            case "csv" -> Format.CSV;
            case "jsonl" -> Format.JSON_LINES;
            case "html" -> Format.HTML;
            default -> null;
        };
        if (chosen == null) {
            return page(model, kind, commitmentId, unitId, quarter, "请选择导出格式：CSV、JSON Lines 或可打印网页");
        }
        // only the chosen subject goes to the read side; the other fields may still hold what was typed before
        String c = kind.equals("commitment") ? FieldErrors.text(commitmentId) : null;
        String u = kind.equals("unit") ? FieldErrors.text(unitId) : null;
        String q = kind.equals("quarter") ? FieldErrors.text(quarter) : null;
        TrailDocument document;
        try {
            document = queries.one(new FindTrailDocument(chosen, c, u, q), TrailDocument.class);
        } catch (AuditQueries.Refused refused) {
            return page(model, kind, commitmentId, unitId, quarter, refused.getMessage());
        }
        ResponseEntity.BodyBuilder ok = ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(document.contentType()));
        if (document.attachment()) {
            ok.header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + document.fileName() + "\"");
        } else {
            // the printable report carries its own small stylesheet: allowed by its hash, nothing else
            ok.header("Content-Security-Policy", "default-src 'none'; style-src " + styleHash(document.text())
                    + "; img-src data:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'");
        }
        return ok.body(document.text().getBytes(StandardCharsets.UTF_8));
    }

    private String page(Model model, String kind, String commitmentId, String unitId, String quarter, String error) {
        model.addAttribute("page", ConsolePage.AUDIT);
        model.addAttribute("tab", "exports");
        model.addAttribute("units", queries.unitNames());
        LocalDate today = LocalDate.now(clock);
        model.addAttribute("form", Map.of("subject", kind,
                "commitmentId", commitmentId == null ? "" : commitmentId,
                "unitId", unitId == null ? "" : unitId,
                "quarter", quarter == null || quarter.isBlank()
                        ? today.getYear() + "-Q" + ((today.getMonthValue() - 1) / 3 + 1) : quarter));
        model.addAttribute("error", error);
        return "console/audit/exports";
    }

    /** {@code 'sha256-…'} of the document's one inline stylesheet, or {@code 'none'} when it has none. */
    static String styleHash(String html) {
        int start = html.indexOf("<style>");
        int end = html.indexOf("</style>");
        if (start < 0 || end < start) {
            return "'none'";
        }
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256")
                    .digest(html.substring(start + "<style>".length(), end).getBytes(StandardCharsets.UTF_8));
            return "'sha256-" + Base64.getEncoder().encodeToString(hash) + "'";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
