package io.duban.query.audit.verify;

import io.duban.query.api.audit.AuditDigest;
import io.duban.query.api.audit.VerificationResult;
import io.duban.query.api.audit.VerifyEventChain;
import io.duban.query.audit.digest.AuditKeys;
import io.duban.query.audit.digest.DigestHandlers;
import io.duban.query.audit.digest.SignedDigest;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.stereotype.Component;

import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;

/**
 * Answers {@link VerifyEventChain} with the same {@link ChainVerifier} as {@code POST /api/audit/verify} and the
 * {@code verify} command, over the service's own database connection.
 */
@Component
public class EventChainVerification {

    private final DataSource dataSource;
    private final AuditKeys keys;

    public EventChainVerification(DataSource dataSource, AuditKeys keys) {
        this.dataSource = dataSource;
        this.keys = keys;
    }

    @QueryHandler
    public VerificationResult handle(VerifyEventChain query) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            return result(new ChainVerifier(keys.publicKey()).verify(connection, signed(query.savedDigest())));
        }
    }

    static VerificationResult result(VerificationReport report) {
        return new VerificationResult(report.clean(), report.eventsChecked(), report.chainedEvents(),
                report.unchainedTail(), report.headIndex(), report.headHash(), badEvent(report.firstProblem()),
                report.digests().stream().map(d -> new VerificationResult.DigestCheck(d.source(), DigestHandlers.digest(d.digest()),
                        d.status().name(), d.failed(), d.detail())).toList(),
                report.notes(), report.evidenceFilesChecked(), badEvent(report.firstBadEvidence()));
    }

    private static VerificationResult.BadEvent badEvent(VerificationReport.Finding f) {
        return f == null ? null : new VerificationResult.BadEvent(f.kind().name(), f.globalIndex(),
                f.aggregateIdentifier(), f.sequenceNumber(), f.eventIdentifier(), f.detail());
    }

    static SignedDigest signed(AuditDigest d) {
        return d == null ? null
                : new SignedDigest(d.globalIndex(), d.eventCount(), d.headHash(), d.at(), d.keyId(), d.signature());
    }
}
