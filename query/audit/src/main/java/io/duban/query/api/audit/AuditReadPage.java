package io.duban.query.api.audit;

import java.time.Instant;
import java.util.List;

/** A page of the read log and how many rows match in all. */
public record AuditReadPage(List<Row> rows, long total, int page, int size) {

    public AuditReadPage {
        rows = List.copyOf(rows);
    }

    /** Pages in all (at least 1). */
    public int pages() {
        return (int) Math.max(1, (total + size - 1) / size);
    }

    /** One request of an inspector: who, what (method, path, query string), the answer's status, when. */
    public record Row(long id, String userId, String method, String path, String queryString, int status,
                      Instant at) {
    }
}
