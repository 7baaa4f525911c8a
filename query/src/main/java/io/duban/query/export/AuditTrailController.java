package io.duban.query.export;

import io.duban.query.api.export.FindTrailDocument;
import io.duban.query.api.export.FindTrailDocument.Format;
import io.duban.query.api.export.TrailDocument;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.nio.charset.StandardCharsets;

/**
 * Audit trail exports of a commitment, a unit or a quarter ({@code ?commitmentId=|unitId=|quarter=2026-Q4}, exactly
 * one): CSV, JSON Lines and a printable HTML report with the commitment's state after each step. The documents are
 * {@link TrailExports}'s, which the console serves too.
 */
@RestController
public class AuditTrailController {

    private final TrailExports exports;

    public AuditTrailController(TrailExports exports) {
        this.exports = exports;
    }

    @GetMapping("/api/audit/trail.csv")
    public ResponseEntity<byte[]> csv(@RequestParam(required = false) String commitmentId,
                                      @RequestParam(required = false) String unitId,
                                      @RequestParam(required = false) String quarter) {
        return answer(exports.handle(new FindTrailDocument(Format.CSV, commitmentId, unitId, quarter)));
    }

    @GetMapping("/api/audit/trail.jsonl")
    public ResponseEntity<byte[]> jsonLines(@RequestParam(required = false) String commitmentId,
                                            @RequestParam(required = false) String unitId,
                                            @RequestParam(required = false) String quarter) {
        return answer(exports.handle(new FindTrailDocument(Format.JSON_LINES, commitmentId, unitId, quarter)));
    }

    @GetMapping("/api/audit/trail.html")
    public ResponseEntity<byte[]> html(@RequestParam(required = false) String commitmentId,
                                       @RequestParam(required = false) String unitId,
                                       @RequestParam(required = false) String quarter) {
        return answer(exports.handle(new FindTrailDocument(Format.HTML, commitmentId, unitId, quarter)));
    }

    private static ResponseEntity<byte[]> answer(TrailDocument document) {
        ResponseEntity.BodyBuilder ok = ResponseEntity.ok().contentType(MediaType.parseMediaType(document.contentType()));
        if (document.attachment()) {
            ok.header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + document.fileName() + "\"");
        }
        return ok.body(document.text().getBytes(StandardCharsets.UTF_8));
    }
}
