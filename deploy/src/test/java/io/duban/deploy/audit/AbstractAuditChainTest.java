package io.duban.deploy.audit;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.duban.command.api.Actor;
import io.duban.command.api.Channel;
import io.duban.command.api.ProgressReported;
import io.duban.command.api.Role;
import io.duban.deploy.testdb.TestDatabase;
import io.duban.query.audit.chain.AuditTables;
import io.duban.query.audit.chain.ChainHead;
import io.duban.query.audit.chain.EventChainer;
import io.duban.query.audit.chain.StoredEvent;
import io.duban.query.audit.digest.AuditKeys;
import io.duban.query.audit.digest.DigestPublisher;
import io.duban.query.audit.digest.SignedDigest;
import io.duban.query.audit.verify.AuditCli;
import io.duban.query.audit.verify.ChainVerifier;
import io.duban.query.audit.verify.VerificationReport.DigestStatus;
import io.duban.query.audit.verify.VerificationReport.Kind;
import io.duban.query.audit.verify.VerificationReport;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.opentest4j.TestAbortedException;
import org.springframework.context.ConfigurableApplicationContext;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Events appended through Axon's event store, chained and signed; then tampering done directly in the database with
 * plain JDBC, each case restoring what it changed (checked after every case: the log verifies clean again).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class AbstractAuditChainTest {

    private Path dataDir;

    private TestDatabase database;
    private ConfigurableApplicationContext app;
    private TestAbortedException unavailable;
    private SignedDigest saved;
    private AuditKeys keys;

    protected abstract TestDatabase createDatabase() throws Exception;

    /** Makes the next identity value of DomainEventEntry.globalIndex {@code next}, as failed inserts would. */
    protected abstract void restartGlobalIndexAt(Connection connection, long next) throws SQLException;

    @BeforeAll
    void start() throws Exception {
        try {
            database = createDatabase();
        } catch (TestAbortedException e) {
            unavailable = e;
            return;
        }
        dataDir = Files.createTempDirectory("duban-audit-data");
        app = AuditTestApplication.start(database, dataDir);
        keys = app.getBean(AuditKeys.class);
        publish("C-1", 0, 3);
        publish("C-2", 0, 2);
        try (Connection connection = database.connect()) {
            restartGlobalIndexAt(connection, 20); // a gap 6..19, as left by failed inserts
        }
        publish("C-3", 0, 3);
        saved = app.getBean(DigestPublisher.class).publish();
        assertThat(saved.eventCount()).isEqualTo(8);
        assertThat(saved.globalIndex()).isEqualTo(22);
    }

    @BeforeEach
    void skipWhenUnavailable() {
        if (unavailable != null) {
            throw unavailable;
        }
    }

    @AfterEach
    void everyCaseLeavesACleanLog() throws Exception {
        if (unavailable == null) {
            VerificationReport report = verify(saved);
            assertThat(report.clean()).as(report.toText()).isTrue();
        }
    }

    @AfterAll
    void stop() throws Exception {
        if (app != null) {
            app.close();
        }
        if (database != null) {
            database.close();
        }
    }

    @Test
    void aCleanLogVerifiesCleanAndTheChainSkippedTheOldGap() throws Exception {
        VerificationReport report = verify(saved);
        assertThat(report.clean()).as(report.toText()).isTrue();
        assertThat(report.firstProblem()).isNull();
        assertThat(report.eventsChecked()).isEqualTo(report.chainedEvents()).isGreaterThanOrEqualTo(8);
        assertThat(report.digests()).extracting(VerificationReport.DigestCheck::status).contains(DigestStatus.OK)
                .doesNotContain(DigestStatus.BAD_SIGNATURE, DigestStatus.NOT_EXTENDED);
        assertThat(chainIndexes()).contains(5L, 20L).doesNotContain(6L, 19L);
    }

    @Test
    void aChangedPayloadByteIsReportedAtThatEvent() throws Exception {
        StoredEvent target = event(nthIndex(2));
        byte[] changed = target.payload().clone();
        changed[changed.length / 2] ^= 1;
        setPayload(target.globalIndex(), changed);
        try {
            VerificationReport report = verify(saved);
            assertThat(report.clean()).isFalse();
            assertFirst(report, Kind.CHANGED, target);
            assertThat(savedCheck(report)).isEqualTo(DigestStatus.NOT_EXTENDED);
        } finally {
            setPayload(target.globalIndex(), target.payload());
        }
    }

    @Test
    void aDeletedEventIsReportedAsMissing() throws Exception {
        StoredEvent target = event(nthIndex(4));
        execute("DELETE FROM DomainEventEntry WHERE globalIndex = ?", target.globalIndex());
        try {
            VerificationReport report = verify(null);
            assertThat(report.clean()).isFalse();
            assertFirst(report, Kind.MISSING, target);
        } finally {
            insert(target);
        }
    }

    @Test
    void aForgedEventInsertedIntoAGapIsReported() throws Exception {
        StoredEvent model = event(nthIndex(1));
        StoredEvent forged = new StoredEvent(10, UUID.randomUUID().toString(), model.aggregateType(),
                model.aggregateIdentifier(), 99, model.timeStamp(), model.payloadType(), model.payloadRevision(),
                model.payload(), model.metaData());
        insert(forged);
        try {
            VerificationReport report = verify(saved);
            assertThat(report.clean()).isFalse();
            assertFirst(report, Kind.INSERTED, forged);
            assertThat(savedCheck(report)).isEqualTo(DigestStatus.NOT_EXTENDED);
        } finally {
            execute("DELETE FROM DomainEventEntry WHERE globalIndex = ?", 10);
        }
    }

    @Test
    void twoEventsWithSwappedPayloadsAreReportedAtTheFirst() throws Exception {
        StoredEvent a = event(nthIndex(1));
        StoredEvent b = event(nthIndex(3));
        setPayload(a.globalIndex(), b.payload());
        setPayload(b.globalIndex(), a.payload());
        try {
            VerificationReport report = verify(null);
            assertFirst(report, Kind.CHANGED, a);
        } finally {
            setPayload(a.globalIndex(), a.payload());
            setPayload(b.globalIndex(), b.payload());
        }
    }

    @Test
    void twoEventsWithSwappedIndexesAreReportedOutOfOrder() throws Exception {
        long a = nthIndex(2);
        long b = nthIndex(3);
        StoredEvent first = event(a);
        swapIndexes(a, b);
        try {
            VerificationReport report = verify(saved);
            assertThat(report.clean()).isFalse();
            assertFirst(report, Kind.OUT_OF_ORDER, first);
            assertThat(report.firstProblem().detail()).contains(String.valueOf(b));
        } finally {
            swapIndexes(a, b);
        }
    }

    @Test
    void rewritingTheChainTableToMatchATamperedLogIsCaughtByTheSavedDigest() throws Exception {
        StoredEvent target = event(nthIndex(1));
        byte[] changed = target.payload().clone();
        changed[0] ^= 1;
        setPayload(target.globalIndex(), changed);
        rechain();
        try {
            VerificationReport report = verify(saved);
            // the chain table agrees with the log now; only the signed digest still knows the old history
            assertThat(report.firstProblem()).isNull();
            assertThat(savedCheck(report)).isEqualTo(DigestStatus.NOT_EXTENDED);
            assertThat(report.clean()).isFalse();
        } finally {
            setPayload(target.globalIndex(), target.payload());
            rechain();
        }
    }

    @Test
    void aSavedDigestStillVerifiesAfterTheLogGrew() throws Exception {
        publish("C-4-" + UUID.randomUUID(), 0, 2);
        VerificationReport beforeChaining = verify(saved);
        assertThat(beforeChaining.clean()).isTrue();
        assertThat(beforeChaining.unchainedTail()).isEqualTo(2);
        app.getBean(EventChainer.class).chainPending();
        SignedDigest later = app.getBean(DigestPublisher.class).publish();
        assertThat(later.eventCount()).isGreaterThan(saved.eventCount());
        VerificationReport report = verify(saved);
        assertThat(report.clean()).as(report.toText()).isTrue();
        assertThat(report.unchainedTail()).isZero();
        assertThat(savedCheck(report)).isEqualTo(DigestStatus.OK);
    }

    @Test
    void aDigestWithAnAlteredSignatureOrFieldIsRejected() throws Exception {
        char c = saved.signature().charAt(5);
        SignedDigest badSignature = new SignedDigest(saved.globalIndex(), saved.eventCount(), saved.headHash(),
                saved.at(), saved.keyId(), saved.signature().substring(0, 5) + (c == 'A' ? 'B' : 'A')
                + saved.signature().substring(6));
        SignedDigest badCount = new SignedDigest(saved.globalIndex(), saved.eventCount() - 1, saved.headHash(),
                saved.at(), saved.keyId(), saved.signature());
        SignedDigest otherKey = SignedDigest.sign(new ChainHead(saved.globalIndex(), saved.eventCount(),
                saved.headHash()), saved.at(), AuditKeys.of(AuditKeys.generate()));
        for (SignedDigest digest : List.of(badSignature, badCount, otherKey)) {
            VerificationReport report = verify(digest);
            assertThat(report.clean()).as(report.toText()).isFalse();
            assertThat(report.firstProblem()).isNull();
            assertThat(savedCheck(report)).isEqualTo(DigestStatus.BAD_SIGNATURE);
        }
    }

    @Test
    void theChainWaitsForAYoungGapAndAnEventCommittedLateIntoASkippedGapIsReported() throws Exception {
        MutableClock clock = new MutableClock();
        EventChainer chainer = new EventChainer(database.dataSource(), clock, Duration.ofSeconds(30), 100);
        chainer.chainPending();
        long head = chainer.head().globalIndex();
        StoredEvent model = event(head);
        StoredEvent after = copy(model, head + 2, "gap-after");
        StoredEvent late = copy(model, head + 1, "gap-late");
        insert(after);
        try {
            assertThat(chainer.chainPending()).as("young gap").isZero();
            clock.now = clock.now.plusSeconds(10);
            assertThat(chainer.chainPending()).as("still young").isZero();
            clock.now = clock.now.plusSeconds(30);
            assertThat(chainer.chainPending()).as("old gap").isEqualTo(1);
            insert(late); // a transaction that committed after the gap timeout
            VerificationReport report = verify(null);
            assertFirst(report, Kind.INSERTED, late);
        } finally {
            execute("DELETE FROM DomainEventEntry WHERE globalIndex > ?", head);
            execute("DELETE FROM " + AuditTables.CHAIN + " WHERE global_index > ?", head);
        }
    }

    @Test
    void theCommandLineExitsZeroWhenCleanOneWhenTamperedTwoOnUsageErrors() throws Exception {
        Path keyFile = dataDir.resolve("public-key.txt");
        Files.writeString(keyFile, keys.publicKeyBase64());
        Path digestFile = dataDir.resolve("digest.json");
        Files.writeString(digestFile, new ObjectMapper().writeValueAsString(saved));
        List<String> args = new ArrayList<>(List.of("--db-url=" + database.url(), "--public-key=" + keyFile,
                "--digest=" + digestFile));
        if (database.user() != null) {
            args.add("--db-user=" + database.user());
        }
        Cli clean = cli(args.toArray(String[]::new));
        assertThat(clean.exit).as(clean.out + clean.err).isZero();
        assertThat(clean.out).contains("CLEAN").contains("OK");

        StoredEvent target = event(nthIndex(3));
        byte[] changed = target.payload().clone();
        changed[1] ^= 4;
        setPayload(target.globalIndex(), changed);
        try {
            List<String> inline = new ArrayList<>(args);
            inline.set(1, "--public-key=" + keys.publicKeyBase64());
            Cli tampered = cli(inline.toArray(String[]::new));
            assertThat(tampered.exit).as(tampered.out + tampered.err).isEqualTo(1);
            assertThat(tampered.out).contains("TAMPERED").contains("CHANGED")
                    .contains("globalIndex " + target.globalIndex()).contains(target.aggregateIdentifier());
        } finally {
            setPayload(target.globalIndex(), target.payload());
        }

        assertThat(cli().exit).isEqualTo(2);
        assertThat(cli("--db-url=" + database.url()).exit).isEqualTo(2);
        assertThat(cli("--db-url=" + database.url(), "--public-key=not-a-key").exit).isEqualTo(2);
        assertThat(cli("--db-url=jdbc:nothing:here", "--public-key=" + keyFile).exit).isEqualTo(2);
        assertThat(cli("--whatever=1").exit).isEqualTo(2);
    }

    // --- helpers ---

    private record Cli(int exit, String out, String err) {
    }

    private static Cli cli(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = AuditCli.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Cli(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private static final class MutableClock extends Clock {
        Instant now = Instant.parse("2026-01-01T00:00:00Z");

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    private void publish(String aggregateId, int fromSequence, int count) {
        List<DomainEventMessage<?>> events = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Actor actor = new Actor("u-1", "张三", Role.UNIT, Set.of("U-1"), Channel.WEB, null);
            ProgressReported payload =
                    new ProgressReported(aggregateId, 10 * (i + 1), 0, "进展 " + i, null, actor);
            events.add(new GenericDomainEventMessage<>("Commitment", aggregateId, fromSequence + i, payload));
        }
        app.getBean(EventStore.class).publish(events);
    }

    private VerificationReport verify(SignedDigest digest) throws SQLException {
        try (Connection connection = database.connect()) {
            return new ChainVerifier(keys.publicKey()).verify(connection, digest);
        }
    }

    private static void assertFirst(VerificationReport report, Kind kind, StoredEvent event) {
        assertThat(report.clean()).isFalse();
        assertThat(report.firstProblem()).as(report.toText()).isNotNull();
        assertThat(report.firstProblem().kind()).as(report.toText()).isEqualTo(kind);
        assertThat(report.firstProblem().globalIndex()).isEqualTo(event.globalIndex());
        assertThat(report.firstProblem().aggregateIdentifier()).isEqualTo(event.aggregateIdentifier());
        assertThat(report.firstProblem().sequenceNumber()).isEqualTo(event.sequenceNumber());
        assertThat(report.firstProblem().eventIdentifier()).isEqualTo(event.eventIdentifier());
    }

    private static DigestStatus savedCheck(VerificationReport report) {
        return report.digests().stream().filter(d -> d.source().equals("saved")).findFirst().orElseThrow().status();
    }

    private static StoredEvent copy(StoredEvent model, long globalIndex, String aggregateId) {
        return new StoredEvent(globalIndex, UUID.randomUUID().toString(), model.aggregateType(), aggregateId, 0,
                model.timeStamp(), model.payloadType(), model.payloadRevision(), model.payload(), model.metaData());
    }

    /** The global index of the n-th stored event (1-based). */
    private long nthIndex(int n) throws SQLException {
        try (Connection connection = database.connect();
             PreparedStatement select = connection.prepareStatement(
                     "SELECT globalIndex FROM DomainEventEntry ORDER BY globalIndex");
             ResultSet rs = select.executeQuery()) {
            for (int i = 0; i < n; i++) {
                rs.next();
            }
            return rs.getLong(1);
        }
    }

    private List<Long> chainIndexes() throws SQLException {
        List<Long> indexes = new ArrayList<>();
        try (Connection connection = database.connect(); Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("SELECT global_index FROM " + AuditTables.CHAIN)) {
            while (rs.next()) {
                indexes.add(rs.getLong(1));
            }
        }
        return indexes;
    }

    private StoredEvent event(long globalIndex) throws SQLException {
        try (Connection connection = database.connect();
             PreparedStatement select = connection.prepareStatement(
                     "SELECT " + StoredEvent.COLUMNS + " FROM DomainEventEntry WHERE globalIndex = ?")) {
            select.setLong(1, globalIndex);
            try (ResultSet rs = select.executeQuery()) {
                assertThat(rs.next()).as("event " + globalIndex).isTrue();
                return StoredEvent.read(rs);
            }
        }
    }

    private void insert(StoredEvent e) throws SQLException {
        try (Connection connection = database.connect();
             PreparedStatement insert = connection.prepareStatement("INSERT INTO DomainEventEntry ("
                     + StoredEvent.COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            insert.setLong(1, e.globalIndex());
            insert.setString(2, e.eventIdentifier());
            insert.setString(3, e.aggregateType());
            insert.setString(4, e.aggregateIdentifier());
            insert.setLong(5, e.sequenceNumber());
            insert.setString(6, e.timeStamp());
            insert.setString(7, e.payloadType());
            insert.setString(8, e.payloadRevision());
            insert.setBytes(9, e.payload());
            insert.setBytes(10, e.metaData());
            insert.executeUpdate();
        }
    }

    private void setPayload(long globalIndex, byte[] payload) throws SQLException {
        try (Connection connection = database.connect();
             PreparedStatement update = connection.prepareStatement(
                     "UPDATE DomainEventEntry SET payload = ? WHERE globalIndex = ?")) {
            update.setBytes(1, payload);
            update.setLong(2, globalIndex);
            assertThat(update.executeUpdate()).isEqualTo(1);
        }
    }

    private void swapIndexes(long a, long b) throws SQLException {
        execute("UPDATE DomainEventEntry SET globalIndex = ? WHERE globalIndex = ?", -1L, a);
        execute("UPDATE DomainEventEntry SET globalIndex = ? WHERE globalIndex = ?", a, b);
        execute("UPDATE DomainEventEntry SET globalIndex = ? WHERE globalIndex = ?", b, -1L);
    }

    /** What an operator with write access could do: recompute the whole chain table from the current log. */
    private void rechain() throws SQLException {
        execute("DELETE FROM " + AuditTables.CHAIN);
        new EventChainer(database.dataSource(), Clock.systemUTC(), Duration.ZERO, 100).chainPending();
    }

    private void execute(String sql, Object... parameters) throws SQLException {
        try (Connection connection = database.connect(); PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            statement.executeUpdate();
        }
    }
}
