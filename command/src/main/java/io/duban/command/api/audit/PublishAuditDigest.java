package io.duban.command.api.audit;

import io.duban.command.api.Actor;

/**
 * Chain what is pending and publish a signed digest of the event log now, as {@code POST /api/audit/digests} does
 * (office and inspectors). Handled by the audit module; records no event (the digest goes to the audit's own
 * table). Result: the digest published ({@code io.duban.query.api.audit.AuditDigest}).
 *
 * @param actor who asked, for the log
 */
public record PublishAuditDigest(Actor actor) {
}
