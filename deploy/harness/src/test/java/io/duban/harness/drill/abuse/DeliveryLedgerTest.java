package io.duban.harness.drill.abuse;

import io.duban.harness.drill.abuse.DeliveryLedger.Delivered;
import io.duban.harness.drill.abuse.DeliveryLedger.Entry;
import io.duban.harness.drill.abuse.DeliveryLedger.Recipient;
import io.duban.harness.drill.abuse.DeliveryLedger.Result;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Counting outbox entries against the messages the fake received: lost, duplicated, unexpected. */
class DeliveryLedgerTest {

    private static final Entry URGED = new Entry("e1:URGED", "URGED", false, "SENT", "请报送进展",
            List.of(new Recipient("wang", "SENT"), new Recipient("li", "SENT")));
    private static final Entry ISSUE = new Entry("e2:MAJOR_ISSUE", "MAJOR_ISSUE", true, "SENT", "重大事项：资金缺口",
            List.of());

    @Test
    void every_alert_once_to_every_recipient_holds() {
        Result r = DeliveryLedger.compare(List.of(URGED, ISSUE), List.of(one("wang", "请报送进展"),
                one("li", "请报送进展"), new Delivered("GROUP", "cidoffice", "重大事项：资金缺口"),
                new Delivered("SESSION_REPLY", "wang", "帮助")));
        assertThat(r).isEqualTo(new Result(2, 3, 3, 0, 0, 0, 0, 0, List.of()));
    }

    @Test
    void a_recipient_without_the_message_is_lost_and_a_second_copy_is_a_duplicate() {
        Result lost = DeliveryLedger.compare(List.of(URGED), List.of(one("wang", "请报送进展")));
        assertThat(lost.lost()).isEqualTo(1);
        assertThat(lost.duplicates()).isZero();
        assertThat(lost.problems()).singleElement().asString().contains("e1:URGED", "due 1x, delivered 0x");

        Result twice = DeliveryLedger.compare(List.of(URGED), List.of(one("wang", "请报送进展"),
                one("li", "请报送进展"), one("li", "请报送进展")));
        assertThat(twice.lost()).isZero();
        assertThat(twice.duplicates()).isEqualTo(1);
    }

    @Test
    void an_office_group_alert_may_arrive_through_the_webhook_fallback() {
        Result r = DeliveryLedger.compare(List.of(ISSUE), List.of(new Delivered("WEBHOOK", "webhook", "重大事项：资金缺口")));
        assertThat(r.lost() + r.duplicates() + r.unexpected()).isZero();
        Result both = DeliveryLedger.compare(List.of(ISSUE), List.of(new Delivered("WEBHOOK", "webhook", "重大事项：资金缺口"),
                new Delivered("GROUP", "cidoffice", "重大事项：资金缺口")));
        assertThat(both.duplicates()).as("the group got it twice").isEqualTo(1);
    }

    @Test
    void invalid_recipients_are_not_due_but_pending_or_unworded_entries_count() {
        Entry partly = new Entry("e3:OVERDUE", "OVERDUE", false, "SENT", "逾期",
                List.of(new Recipient("wang", "SENT"), new Recipient("left-the-org", "INVALID")));
        assertThat(DeliveryLedger.compare(List.of(partly), List.of(one("wang", "逾期"))).lost()).isZero();

        Entry pending = new Entry("e4:URGED", "URGED", false, "PENDING", "催办", List.of(new Recipient("wang", "PENDING")));
        Result r = DeliveryLedger.compare(List.of(pending), List.of());
        assertThat(r.notSent()).isEqualTo(1);
        assertThat(r.lost()).isEqualTo(1);

        Entry unworded = new Entry("e5:URGED", "URGED", false, "FAILED", null, List.of());
        Result never = DeliveryLedger.compare(List.of(unworded), List.of());
        assertThat(never.lost()).isEqualTo(1);
        assertThat(never.notSent()).isEqualTo(1);
    }

    @Test
    void a_message_no_entry_calls_for_is_unexpected_and_equal_texts_are_counted_together() {
        Result r = DeliveryLedger.compare(List.of(URGED), List.of(one("wang", "请报送进展"), one("li", "请报送进展"),
                one("zhao", "别的消息")));
        assertThat(r.unexpected()).isEqualTo(1);

        Entry same = new Entry("e6:URGED", "URGED", false, "SENT", "请报送进展", List.of(new Recipient("wang", "SENT")));
        Result shared = DeliveryLedger.compare(List.of(URGED, same), List.of(one("wang", "请报送进展"),
                one("li", "请报送进展")));
        assertThat(shared.sharedSignatures()).isEqualTo(1);
        assertThat(shared.lost()).as("wang was due it twice").isEqualTo(1);
    }

    private static Delivered one(String user, String text) {
        return new Delivered("ONE_TO_ONE", user, text);
    }
}
