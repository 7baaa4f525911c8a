package io.duban.bot.alert;

import io.duban.bot.MongoWireServer;
import io.duban.command.api.Actor;
import io.duban.command.api.dispatch.DispatchRoundClosed;
import io.duban.command.api.dispatch.DispatchRoundOpened;
import io.duban.command.api.dispatch.LateUnitsReminded;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** Quarterly dispatch alerts: one message per unit when a round opens or reminds, the digest to the office group. */
class QuarterlyDispatchAlertsTest {

    private static final String FINANCE_31 = "nzf-2023-1.31.uc88ba393";
    private static final String FINANCE_45 = "nzf-2023-1.45.uc88ba393";
    private static final String EDUCATION_31 = "nzf-2023-1.31.u1a2b3c4d";
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-10-08T00:30:00Z"), ZoneId.of("Asia/Shanghai"));
    private static final LocalDate START = LocalDate.of(2026, 10, 1);
    private static final LocalDate END = LocalDate.of(2026, 12, 31);
    private static final LocalDate DEADLINE = LocalDate.of(2026, 10, 21);

    private MongoWireServer mongo;
    private Outbox outbox;
    private AlertProducer producer;
    private final AlertComposer composer = new AlertComposer(new io.duban.bot.DingTalkProperties(true, "https",
            "api.dingtalk.com", null, null, null, null, "https://oapi.dingtalk.com/robot/send", null, null, null,
            "nzf-2023-1", java.time.Duration.ofSeconds(2), java.time.Duration.ofMinutes(10), 50, false));

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

    private static <T> GenericDomainEventMessage<T> message(T payload, long sequence) {
        return new GenericDomainEventMessage<>("DispatchRound", "2026-Q4", sequence, payload);
    }

    @Test
    void an_opened_round_asks_each_unit_once_for_all_its_items() {
        var event = message(new DispatchRoundOpened("2026-Q4", START, END, DEADLINE,
                List.of(EDUCATION_31, FINANCE_31, FINANCE_45), Actor.schedule()), 0);

        producer.on(event.getPayload(), event);
        producer.on(event.getPayload(), event);

        List<Document> entries = outbox.all();
        assertThat(entries).hasSize(2).allSatisfy(e -> assertThat(e.getString("kind")).isEqualTo("QUARTERLY_REPORT_REQUESTED"));
        Document finance = entries.stream().filter(e -> e.getString("_id").endsWith(":uc88ba393")).findFirst().orElseThrow();
        assertThat(finance.getString("commitmentId")).isEqualTo(FINANCE_31);
        assertThat(finance.get("facts", Document.class)).containsEntry("commitmentIds", FINANCE_31 + "," + FINANCE_45)
                .containsEntry("reportDeadline", "2026-10-21").containsEntry("roundId", "2026-Q4");
    }

    @Test
    void the_request_lists_the_units_items_and_the_reply_to_type() {
        ComposedAlert alert = composer.compose(AlertKind.QUARTERLY_REPORT_REQUESTED,
                Map.of("roundId", "2026-Q4", "reportDeadline", "2026-10-21", "commitmentIds", FINANCE_31 + "," + FINANCE_45),
                subject(FINANCE_31, "自治区财政厅"));

        assertThat(alert.title()).isEqualTo("季度调度：2026-Q4 自治区财政厅");
        assertThat(alert.text()).contains("**事项**：#31、#45").contains("**报送截止**：2026-10-21")
                .contains("「#31 进度 80% 本季度完成的工作」");
    }

    @Test
    void late_units_get_a_reminder_each() {
        var event = message(new LateUnitsReminded("2026-Q4", DEADLINE, List.of(EDUCATION_31), Actor.schedule()), 3);

        producer.on(event.getPayload(), event);

        assertThat(outbox.all()).singleElement().satisfies(e -> {
            assertThat(e.getString("kind")).isEqualTo("QUARTERLY_REPORT_OVERDUE");
            assertThat(e.getString("commitmentId")).isEqualTo(EDUCATION_31);
        });
        ComposedAlert alert = composer.compose(AlertKind.QUARTERLY_REPORT_OVERDUE,
                Map.of("roundId", "2026-Q4", "reportDeadline", "2026-10-21", "commitmentIds", EDUCATION_31),
                subject(EDUCATION_31, "自治区教育厅"));
        assertThat(alert.title()).startsWith("催报：2026-Q4");
        assertThat(alert.text()).contains("季度进度逾期未报").contains("（已过）").contains("#31");
    }

    @Test
    void a_closed_round_sends_the_office_a_digest_naming_who_did_not_report() {
        var event = message(new DispatchRoundClosed("2026-Q4", START, END, List.of(FINANCE_31, FINANCE_45),
                List.of(EDUCATION_31), Actor.schedule()), 5);

        producer.on(event.getPayload(), event);

        Document entry = outbox.all().get(0);
        assertThat(entry.getString("kind")).isEqualTo("QUARTERLY_DIGEST");
        assertThat(entry.getString("commitmentId")).isNull();
        Map<String, String> facts = new java.util.LinkedHashMap<>();
        entry.get("facts", Document.class).forEach((k, v) -> facts.put(k, String.valueOf(v)));
        ComposedAlert digest = composer.composeDigest(facts,
                id -> id.equals(EDUCATION_31) ? Optional.of("自治区教育厅") : Optional.empty());
        assertThat(digest.title()).isEqualTo("季度调度汇总 2026-Q4");
        assertThat(digest.text()).contains("**已报送**：2 项；**未报送**：1 项").contains("- #31 自治区教育厅")
                .contains("/api/dispatch-rounds/2026-Q4/digest.html");
    }

    private static AlertSubject subject(String id, String unitName) {
        AlertSubject fromId = AlertSubject.fromId(id);
        return new AlertSubject(fromId.policyId(), fromId.itemNumber(), fromId.unitId(), unitName, "张三", 40,
                Map.of());
    }
}
