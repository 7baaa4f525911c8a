package io.duban.query.audit.verify;

import io.duban.command.api.Actor;
import io.duban.command.api.Channel;
import io.duban.command.api.CommandRefusedException;
import io.duban.command.api.Role;
import io.duban.command.api.audit.PublishAuditDigest;
import io.duban.query.api.audit.AuditDigest;
import io.duban.query.api.audit.FindAuditDigests;
import io.duban.query.api.audit.VerificationResult;
import io.duban.query.api.audit.VerifyEventChain;
import io.duban.query.audit.chain.AuditTables;
import io.duban.query.audit.chain.EventChainer;
import io.duban.query.audit.digest.AuditKeys;
import io.duban.query.audit.digest.DigestHandlers;
import io.duban.query.audit.digest.DigestPublisher;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The audit through its query and command messages (what the console uses): a digest published by an inspector,
 * listed, the chain verified clean with it, then a changed stored event reported as the first bad event.
 */
class AuditMessagesTest {

    private static final Actor INSPECTOR = new Actor("inspector", "督查", Role.INSPECTOR, Set.of(), Channel.WEB, null);

    private JdbcTemplate jdbc;
    private DigestHandlers digests;
    private EventChainVerification verification;

    @BeforeEach
    void setUp() {
        JdbcDataSource dataSource = new JdbcDataSource();
        dataSource.setURL("jdbc:h2:mem:audit-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        jdbc = new JdbcTemplate(dataSource);
        // Axon's event table, the columns the chain reads
        jdbc.execute("CREATE TABLE DomainEventEntry (globalIndex BIGINT PRIMARY KEY, eventIdentifier VARCHAR(255) NOT NULL,"
                + " type VARCHAR(255), aggregateIdentifier VARCHAR(255) NOT NULL, sequenceNumber BIGINT NOT NULL,"
                + " timeStamp VARCHAR(255) NOT NULL, payloadType VARCHAR(255) NOT NULL, payloadRevision VARCHAR(255),"
                + " payload BLOB NOT NULL, metaData BLOB)");
        for (int i = 1; i <= 4; i++) {
            jdbc.update("INSERT INTO DomainEventEntry VALUES (?, ?, 'Commitment', ?, ?, ?, 'ProgressReported', NULL, ?, ?)",
                    i, UUID.randomUUID().toString(), "C-1", i - 1, "2026-01-0" + i + "T00:00:00Z",
                    ("{\"percent\":" + i * 10 + "}").getBytes(StandardCharsets.UTF_8),
                    "{}".getBytes(StandardCharsets.UTF_8));
        }
        AuditTables.createMissing(dataSource);
        AuditKeys keys = AuditKeys.of(AuditKeys.generate());
        Clock clock = Clock.systemUTC();
        EventChainer chainer = new EventChainer(dataSource, clock, Duration.ZERO, 100);
        digests = new DigestHandlers(new DigestPublisher(dataSource, chainer, keys, clock));
        verification = new EventChainVerification(dataSource, keys);
    }

    @Test
    void aPublishedDigestIsListedAndTheChainVerifiesCleanAgainstIt() throws Exception {
        AuditDigest published = digests.handle(new PublishAuditDigest(INSPECTOR));
        assertThat(published.eventCount()).isEqualTo(4);
        assertThat(published.globalIndex()).isEqualTo(4);
        assertThat(digests.handle(new FindAuditDigests())).containsExactly(published);

        VerificationResult result = verification.handle(new VerifyEventChain(published));
        assertThat(result.clean()).isTrue();
        assertThat(result.firstBadEvent()).isNull();
        assertThat(result.eventsChecked()).isEqualTo(4);
        assertThat(result.digests()).first().satisfies(check -> {
            assertThat(check.source()).isEqualTo("saved");
            assertThat(check.status()).isEqualTo("OK");
            assertThat(check.failed()).isFalse();
            assertThat(check.digest()).isEqualTo(published);
        });
    }

    @Test
    void aChangedStoredEventIsTheFirstBadEvent() throws Exception {
        AuditDigest published = digests.handle(new PublishAuditDigest(INSPECTOR));
        jdbc.update("UPDATE DomainEventEntry SET payload = ? WHERE globalIndex = 3",
                "{\"percent\":99}".getBytes(StandardCharsets.UTF_8));

        VerificationResult result = verification.handle(new VerifyEventChain(published));
        assertThat(result.clean()).isFalse();
        assertThat(result.firstBadEvent()).isNotNull();
        assertThat(result.firstBadEvent().kind()).isEqualTo("CHANGED");
        assertThat(result.firstBadEvent().globalIndex()).isEqualTo(3);
        assertThat(result.firstBadEvent().aggregateIdentifier()).isEqualTo("C-1");
        assertThat(result.firstBadEvent().sequenceNumber()).isEqualTo(2);
        assertThat(result.digests()).first().satisfies(check -> {
            assertThat(check.status()).isEqualTo("NOT_EXTENDED");
            assertThat(check.failed()).isTrue();
        });
        assertThat(verification.handle(new VerifyEventChain(null)).clean()).as("without a saved digest too").isFalse();
    }

    @Test
    void onlyTheOfficeAndInspectorsPublishDigests() {
        Actor unit = new Actor("czt", "财政厅", Role.UNIT, Set.of("U-1"), Channel.WEB, null);
        assertThatThrownBy(() -> digests.handle(new PublishAuditDigest(unit)))
                .isInstanceOf(CommandRefusedException.class);
        assertThat(digests.handle(new FindAuditDigests())).as("nothing published").isEmpty();
        Actor office = new Actor("office", "办公室", Role.OFFICE, Set.of(), Channel.WEB, null);
        assertThat(digests.handle(new PublishAuditDigest(office)).eventCount()).isEqualTo(4);
    }
}
