package io.duban.query.export;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.duban.query.api.export.FindTrailDocument;
import io.duban.query.api.export.TrailDocument;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.stereotype.Component;

import java.time.Clock;

/** The audit trail documents, for the REST exports and, through the query bus, for the console. */
@Component
public class TrailExports {

    static final String CSV = "text/csv;charset=UTF-8";
    static final String NDJSON = "application/x-ndjson;charset=UTF-8";
    static final String HTML = "text/html;charset=UTF-8";

    private final AuditTrails trails;
    private final ObjectMapper json;
    private final Clock clock;

    public TrailExports(AuditTrails trails, ObjectMapper json, Clock clock) {
        this.trails = trails;
        this.json = json;
        this.clock = clock;
    }

    @QueryHandler
    public TrailDocument handle(FindTrailDocument query) {
        AuditTrail trail = trails.trail(query.commitmentId(), query.unitId(), query.quarter(), clock.getZone());
        return switch (query.format()) {
            case CSV -> new TrailDocument("audit-trail.csv", CSV, true, TrailDocuments.csv(trail, clock.getZone()));
            case JSON_LINES -> new TrailDocument("audit-trail.jsonl", NDJSON, true,
                    TrailDocuments.jsonLines(trail, json));
            case HTML -> new TrailDocument("audit-trail.html", HTML, false, TrailDocuments.html(trail, clock.getZone()));
        };
    }
}
