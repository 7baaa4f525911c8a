package io.duban.bot.alert;

import io.duban.bot.MongoWireServer;
import io.duban.command.api.Actor;
import io.duban.command.api.Channel;
import io.duban.command.api.CommitmentUrged;
import io.duban.command.api.DueDateApproaching;
import io.duban.command.api.EscalationRaised;
import io.duban.command.api.MajorIssueRaised;
import io.duban.command.api.MilestoneBecameOverdue;
import io.duban.command.api.Role;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The producer against a real MongoDB wire server: one outbox entry per event and kind, whatever is re-delivered;
 * reminders, escalation steps and urging become entries of the right kind with their facts.
 */
class AlertProducerTest {

    private static final LocalDate DUE = LocalDate.of(2026, 3, 31);
    private static final String ID = "nzf-2023-1.31.uc88ba393";
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-04-01T00:00:00Z"), ZoneId.of("Asia/Shanghai"));

    private MongoWireServer mongo;
    private Outbox outbox;
    private AlertProducer producer;

    @BeforeEach
    void setUp() {
        mongo = new MongoWireServer();
        outbox = new Outbox(mongo.newTemplate(), CLOCK);
        producer = new AlertProducer(outbox);
    }

    @AfterEach
    void tearDown() {
        mongo.close();
    }

    @Test
    void an_overdue_milestone_becomes_one_pending_outbox_entry_with_the_facts_of_the_event() {
        var event = message(new MilestoneBecameOverdue(ID, "M1", LocalDate.of(2026, 3, 31), Actor.schedule()), 3);

        producer.on((MilestoneBecameOverdue) event.getPayload(), event);

        List<Document> entries = outbox.all();
        assertThat(entries).hasSize(1);
        Document entry = entries.get(0);
        assertThat(entry.getString("_id")).isEqualTo(event.getIdentifier() + ":OVERDUE");
        assertThat(entry.getString("status")).isEqualTo("PENDING");
        assertThat(entry.getString("commitmentId")).isEqualTo(ID);
        assertThat(entry.get("facts", Document.class)).containsEntry("milestoneId", "M1")
                .containsEntry("dueDate", "2026-03-31");
    }

    @Test
    void the_same_event_delivered_twice_adds_nothing() {
        var event = message(new MajorIssueRaised(ID, "I1", "资金缺口", null,
                new Actor("czt", "财政厅", Role.UNIT, Set.of("uc88ba393"), Channel.DINGTALK, "msg-1")), 4);

        producer.on((MajorIssueRaised) event.getPayload(), event);
        producer.on((MajorIssueRaised) event.getPayload(), event);

        assertThat(outbox.all()).hasSize(1);
        assertThat(outbox.all().get(0).getString("kind")).isEqualTo("MAJOR_ISSUE");
    }

    @Test
    void an_entry_claimed_by_one_sender_is_not_claimed_by_another_until_released() {
        var event = message(new MilestoneBecameOverdue(ID, null, LocalDate.of(2026, 3, 31), Actor.schedule()), 5);
        producer.on((MilestoneBecameOverdue) event.getPayload(), event);
        String key = outbox.all().get(0).getString("_id");

        assertThat(outbox.claim(key, java.time.Duration.ofMinutes(1))).isPresent();
        assertThat(outbox.claim(key, java.time.Duration.ofMinutes(1))).isEmpty();

        outbox.record(key, new Document("lastError", "test"));
        assertThat(outbox.claim(key, java.time.Duration.ofMinutes(1))).isPresent();
    }

    @Test
    void a_reminder_is_due_soon_with_the_working_days_left() {
        var event = message(new DueDateApproaching(ID, "M1", DUE, 7, Actor.schedule()), 3);

        producer.on((DueDateApproaching) event.getPayload(), event);

        Document entry = outbox.all().get(0);
        assertThat(entry.getString("kind")).isEqualTo("DUE_SOON");
        assertThat(entry.get("facts", Document.class)).containsEntry("milestoneId", "M1")
                .containsEntry("dueDate", "2026-03-31").containsEntry("workingDaysLeft", "7");
    }

    @Test
    void level_2_goes_to_the_unit_leader_and_level_3_to_the_office() {
        var two = message(new EscalationRaised(ID, null, DUE, 2, Actor.schedule()), 4);
        var three = message(new EscalationRaised(ID, null, DUE, 3, Actor.schedule()), 5);

        producer.on((EscalationRaised) two.getPayload(), two);
        producer.on((EscalationRaised) three.getPayload(), three);
        producer.on((EscalationRaised) three.getPayload(), three);

        assertThat(outbox.all()).extracting(d -> d.getString("kind"))
                .containsExactlyInAnyOrder("ESCALATED_TO_LEADER", "ESCALATED_TO_OFFICE");
        assertThat(outbox.all()).allSatisfy(d -> assertThat(d.get("facts", Document.class))
                .doesNotContainKey("milestoneId").containsEntry("dueDate", "2026-03-31"));
    }

    @Test
    void an_urging_carries_the_message_and_who_urged() {
        Actor office = new Actor("office", "督查室王科长", Role.OFFICE, Set.of(), Channel.WEB, null);
        var event = message(new CommitmentUrged(ID, "请本周内报送进展", office), 6);

        producer.on((CommitmentUrged) event.getPayload(), event);

        Document entry = outbox.all().get(0);
        assertThat(entry.getString("kind")).isEqualTo("URGED");
        assertThat(entry.get("facts", Document.class)).containsEntry("message", "请本周内报送进展")
                .containsEntry("urgedBy", "督查室王科长");
    }

    private static GenericDomainEventMessage<Object> message(Object payload, long sequence) {
        return new GenericDomainEventMessage<>("Commitment", ID, sequence, payload);
    }
}
