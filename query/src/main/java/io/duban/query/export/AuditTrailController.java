package io.duban.query.export;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.nio.charset.StandardCharsets;
import java.time.Clock;

/**
 * Audit trail exports of a commitment, a unit or a quarter ({@code ?commitmentId=|unitId=|quarter=2026-Q4}, exactly
 * one): CSV, JSON Lines and a printable HTML report with the commitment's state after each step.
 */
@RestController
public class AuditTrailController {

    private static final MediaType CSV = new MediaType("text", "csv", StandardCharsets.UTF_8);
    private static final MediaType NDJSON = new MediaType("application", "x-ndjson", StandardCharsets.UTF_8);
    private static final MediaType HTML = new MediaType("text", "html", StandardCharsets.UTF_8);

    private final AuditTrails trails;
    private final ObjectMapper json;
    private final Clock clock;

    public AuditTrailController(AuditTrails trails, ObjectMapper json, Clock clock) {
        this.trails = trails;
        this.json = json;
        this.clock = clock;
    }

    @GetMapping("/api/audit/trail.csv")
    public ResponseEntity<byte[]> csv(@RequestParam(required = false) String commitmentId,
                                      @RequestParam(required = false) String unitId,
                                      @RequestParam(required = false) String quarter) {
        AuditTrail trail = trails.trail(commitmentId, unitId, quarter, clock.getZone());
        return answer(CSV, "audit-trail.csv", TrailDocuments.csv(trail, clock.getZone()));
    }

    @GetMapping("/api/audit/trail.jsonl")
    public ResponseEntity<byte[]> jsonLines(@RequestParam(required = false) String commitmentId,
                                            @RequestParam(required = false) String unitId,
                                            @RequestParam(required = false) String quarter) {
        AuditTrail trail = trails.trail(commitmentId, unitId, quarter, clock.getZone());
        return answer(NDJSON, "audit-trail.jsonl", TrailDocuments.jsonLines(trail, json));
    }

    @GetMapping("/api/audit/trail.html")
    public ResponseEntity<byte[]> html(@RequestParam(required = false) String commitmentId,
                                       @RequestParam(required = false) String unitId,
                                       @RequestParam(required = false) String quarter) {
        AuditTrail trail = trails.trail(commitmentId, unitId, quarter, clock.getZone());
        return ResponseEntity.ok().contentType(HTML)
                .body(TrailDocuments.html(trail, clock.getZone()).getBytes(StandardCharsets.UTF_8));
    }

    private static ResponseEntity<byte[]> answer(MediaType type, String file, String body) {
        return ResponseEntity.ok().contentType(type)
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + file + "\"")
                .body(body.getBytes(StandardCharsets.UTF_8));
    }
}
