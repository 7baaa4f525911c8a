package io.duban.query.audit.digest;

import io.duban.command.api.CommandRefusedException;
import io.duban.command.api.Role;
import io.duban.command.api.audit.PublishAuditDigest;
import io.duban.query.api.audit.AuditDigest;
import io.duban.query.api.audit.FindAuditDigests;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.queryhandling.QueryHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.util.List;

/**
 * The digests through the buses: the list ({@link FindAuditDigests}) and publishing one now
 * ({@link PublishAuditDigest}), for the office and inspectors as on the REST api.
 */
@Component
public class DigestHandlers {

    private static final Logger log = LoggerFactory.getLogger(DigestHandlers.class);

    private final DigestPublisher publisher;

    public DigestHandlers(DigestPublisher publisher) {
        this.publisher = publisher;
    }

    @QueryHandler
    public List<AuditDigest> handle(FindAuditDigests query) {
        return publisher.all().stream().map(DigestHandlers::digest).toList();
    }

    @CommandHandler
    public AuditDigest handle(PublishAuditDigest command) {
        Role role = command.actor() == null ? null : command.actor().role();
        if (role != Role.OFFICE && role != Role.INSPECTOR) {
            throw CommandRefusedException.notPermitted("auth.forbidden", "只有领导小组办公室和督查人员可以发布审计摘要。");
        }
        SignedDigest digest = publisher.publish();
        log.info("Audit digest at globalIndex {} published on request of {}", digest.globalIndex(),
                command.actor().userId());
        return digest(digest);
    }

    public static AuditDigest digest(SignedDigest d) {
        return new AuditDigest(d.globalIndex(), d.eventCount(), d.headHash(), d.at(), d.keyId(), d.signature());
    }
}
