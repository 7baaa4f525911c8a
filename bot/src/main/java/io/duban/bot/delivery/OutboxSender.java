package io.duban.bot.delivery;

import io.duban.bot.DingTalkProperties;
import io.duban.bot.alert.AlertComposer;
import io.duban.bot.alert.AlertKind;
import io.duban.bot.alert.ComposedAlert;
import io.duban.bot.alert.Outbox;
import io.duban.bot.alert.AlertSubject;
import io.duban.bot.readside.ReadSide;
import io.duban.command.api.CommitmentId;
import io.duban.command.api.OfficialRole;
import io.duban.query.api.commitment.CommitmentView;
import io.duban.query.api.directory.OfficialView;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Delivers due outbox entries. The message is worded and its recipients fixed on the first attempt and stored, so
 * every retry sends the same text to the same people; each recipient's state is saved after each batch, so a user
 * who got the message is never sent it again. Failures DingTalk may recover from are retried with exponential
 * backoff; users it throttled stay pending; the rest is marked failed with the reason. Recipients and wording come
 * from the read side through queries; the recipients depend only on the unit in the commitment id.
 */
public class OutboxSender {

    private static final Logger log = LoggerFactory.getLogger(OutboxSender.class);
    private static final Duration LEASE = Duration.ofMinutes(2);
    /**
     * How long an alert waits for the read side to know its commitment (for the item title, progress, responsible
     * person) before it goes out worded from the commitment id and its facts alone: views are normally milliseconds
     * behind, and a lagging view must not hold an overdue alert back for long.
     */
    static final Duration VIEW_GRACE = Duration.ofMinutes(1);

    private final Outbox outbox;
    private final DingTalkGateway gateway;
    private final AlertComposer composer;
    private final ReadSide readSide;
    private final DingTalkProperties properties;
    private final Clock clock;

    public OutboxSender(Outbox outbox, DingTalkGateway gateway, AlertComposer composer, ReadSide readSide,
                        DingTalkProperties properties, Clock clock) {
        this.outbox = outbox;
        this.gateway = gateway;
        this.composer = composer;
        this.readSide = readSide;
        this.properties = properties;
        this.clock = clock;
    }

    /** One pass over the due entries; returns how many entries were attempted. */
    public int sendDue() {
        int attempted = 0;
        for (Document due : outbox.due(50)) {
            Optional<Document> claimed = outbox.claim(due.getString("_id"), LEASE);
            if (claimed.isEmpty()) {
                continue;
            }
            attempted++;
            try {
                attempt(claimed.get());
            } catch (RuntimeException e) {
                log.error("Outbox entry {} failed unexpectedly; will retry", due.getString("_id"), e);
                retryLater(claimed.get(), "unexpected: " + e.getClass().getSimpleName(), new Document());
            }
        }
        return attempted;
    }

    private void attempt(Document entry) {
        String key = entry.getString("_id");
        AlertKind kind = AlertKind.valueOf(entry.getString("kind"));
        if (entry.getString("text") == null && !compose(entry, kind)) {
            return;
        }
        String title = entry.getString("title");
        String text = entry.getString("text");
        try {
            if (kind.audience() == AlertKind.Audience.OFFICE_GROUP) {
                gateway.sendToOfficeGroup(title, text);
                finish(key, entry);
                return;
            }
            List<Document> recipients = new ArrayList<>(entry.getList("recipients", Document.class));
            List<String> pending = recipients.stream().filter(r -> "PENDING".equals(r.getString("status")))
                    .map(r -> r.getString("userId")).toList();
            for (int from = 0; from < pending.size(); from += DingTalkGateway.MAX_USERS_PER_BATCH) {
                List<String> batch = pending.subList(from, Math.min(pending.size(),
                        from + DingTalkGateway.MAX_USERS_PER_BATCH));
                OneToOneResult result = gateway.sendOneToOne(batch, title, text);
                for (Document recipient : recipients) {
                    String userId = recipient.getString("userId");
                    if (batch.contains(userId)) {
                        recipient.put("status", result.invalid().contains(userId) ? "INVALID"
                                : result.flowControlled().contains(userId) ? "PENDING" : "SENT");
                    }
                }
                outbox.record(key, new Document("recipients", recipients).append("lockedUntil",
                        Date.from(clock.instant().plus(LEASE))));
            }
            if (recipients.stream().anyMatch(r -> "PENDING".equals(r.getString("status")))) {
                retryLater(entry, "flow-controlled users pending", new Document("recipients", recipients));
            } else {
                finish(key, entry);
            }
        } catch (DeliveryException e) {
            if (e.retryable()) {
                retryLater(entry, e.getMessage(), new Document());
            } else {
                fail(entry, e.getMessage());
            }
        }
    }

    /** Words the alert and fixes its recipients; false when that has to wait or gave up. */
    private boolean compose(Document entry, AlertKind kind) {
        if (kind == AlertKind.QUARTERLY_DIGEST) {
            Map<String, String> facts = new LinkedHashMap<>();
            entry.get("facts", Document.class).forEach((k, v) -> facts.put(k, String.valueOf(v)));
            ComposedAlert digest = composer.composeDigest(facts,
                    id -> readSide.commitment(id).map(CommitmentView::unitName));
            Document changes = new Document("title", digest.title()).append("text", digest.text());
            outbox.record(entry.getString("_id"), new Document(changes).append("lockedUntil",
                    Date.from(clock.instant().plus(LEASE))));
            entry.putAll(changes);
            return true;
        }
        String commitmentId = entry.getString("commitmentId");
        Optional<CommitmentView> known = readSide.commitment(commitmentId);
        Instant occurredAt = entry.getDate("occurredAt").toInstant();
        if (known.isEmpty() && !clock.instant().isAfter(occurredAt.plus(VIEW_GRACE))) {
            retryLater(entry, "waiting for the read side", new Document());
            return false;
        }
        AlertSubject subject = known.map(AlertSubject::of).orElseGet(() -> AlertSubject.fromId(commitmentId));
        Map<String, String> facts = new LinkedHashMap<>();
        entry.get("facts", Document.class).forEach((k, v) -> facts.put(k, String.valueOf(v)));
        ComposedAlert alert = composer.compose(kind, facts, subject);
        Document changes = new Document("title", alert.title()).append("text", alert.text());
        if (kind.audience() != AlertKind.Audience.OFFICE_GROUP) {
            OfficialRole role = kind.audience() == AlertKind.Audience.UNIT_LEADERS ? OfficialRole.UNIT_LEADER
                    : OfficialRole.OFFICIAL;
            String unitId = CommitmentId.unitOf(commitmentId);
            List<OfficialView> people = readSide.officialsOf(unitId, role);
            if (people.isEmpty()) {
                retryLater(entry, "no " + (role == OfficialRole.OFFICIAL ? "official" : "unit leader")
                        + " in the directory for unit " + unitId, new Document());
                return false;
            }
            changes.append("recipients", people.stream().map(p -> new Document("userId", p.userId())
                    .append("name", p.name()).append("status", "PENDING")).toList());
        }
        outbox.record(entry.getString("_id"), new Document(changes).append("lockedUntil",
                Date.from(clock.instant().plus(LEASE))));
        entry.putAll(changes);
        return true;
    }

    private void finish(String key, Document entry) {
        outbox.record(key, new Document("status", "SENT").append("sentAt", Date.from(clock.instant()))
                .append("attempts", entry.getInteger("attempts", 0) + 1).append("lastError", null));
    }

    private void retryLater(Document entry, String reason, Document changes) {
        int attempts = entry.getInteger("attempts", 0) + 1;
        if (attempts >= properties.maxAttempts()) {
            fail(entry, reason + " (gave up after " + attempts + " attempts)");
            return;
        }
        long seconds = Math.min(properties.maxBackoff().toSeconds(), 1L << Math.min(attempts, 20));
        outbox.record(entry.getString("_id"), changes.append("attempts", attempts).append("lastError", reason)
                .append("nextAttemptAt", Date.from(clock.instant().plusSeconds(seconds))));
    }

    private void fail(Document entry, String reason) {
        log.warn("DingTalk message {} failed: {}", entry.getString("_id"), reason);
        outbox.record(entry.getString("_id"), new Document("status", "FAILED").append("lastError", reason)
                .append("attempts", entry.getInteger("attempts", 0) + 1));
    }
}
