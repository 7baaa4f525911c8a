package io.duban.query.audit.readlog;

import java.time.Instant;

/** One API request by an inspector: who, what (method, path, query string), the answer's status, when. */
public record AuditRead(long id, String userId, String method, String path, String queryString, int status,
                        Instant at) {
}
