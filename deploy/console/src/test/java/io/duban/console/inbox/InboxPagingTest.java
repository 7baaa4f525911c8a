package io.duban.console.inbox;

import io.duban.query.api.inbox.OfficeInbox;
import org.junit.jupiter.api.Test;
import org.springframework.web.server.ResponseStatusException;

import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class InboxPagingTest {

    private static OfficeInbox inbox(OfficeInbox.Totals totals) {
        return new OfficeInbox(LocalDate.of(2026, 12, 3), List.of(), List.of(), List.of(), List.of(),
                new OfficeInbox.LateReports("2026-Q4", "NOT_OPENED", null, false, List.of()), totals, 0);
    }

    @Test
    void theLargestListSaysHowManyPagesThereAreAndEachListItsRange() {
        // given 833 escalations and 1 deadline change, twenty a page
        InboxPaging second = InboxPaging.of(inbox(new OfficeInbox.Totals(1, 0, 0, 833)), 2, 20);

        // then
        assertThat(second.pages()).isEqualTo(42);
        assertThat(second.hasPrevious()).isTrue();
        assertThat(second.hasNext()).isTrue();
        assertThat(second.first(833)).isEqualTo(21);
        assertThat(second.last(833)).isEqualTo(40);
        assertThat(second.first(1)).as("the change is on page 1").isZero();
        assertThat(second.paged(833)).isTrue();
        assertThat(second.paged(20)).isFalse();
        InboxPaging last = InboxPaging.of(inbox(new OfficeInbox.Totals(1, 0, 0, 833)), 42, 20);
        assertThat(last.hasNext()).isFalse();
        assertThat(last.last(833)).isEqualTo(833);
    }

    @Test
    void anEmptyInboxIsOnePage() {
        InboxPaging only = InboxPaging.of(inbox(new OfficeInbox.Totals(0, 0, 0, 0)), 1, 20);

        assertThat(only.pages()).isEqualTo(1);
        assertThat(only.hasPrevious()).isFalse();
        assertThat(only.hasNext()).isFalse();
    }

    @Test
    void thePageParameterIsAWholeNumberFromOneOrRefusedInWords() {
        assertThat(InboxPaging.pageNumber(null)).isEqualTo(1);
        assertThat(InboxPaging.pageNumber(" 3 ")).isEqualTo(3);
        for (String bad : List.of("0", "-2", "abc", "1.5", "100001")) {
            assertThatThrownBy(() -> InboxPaging.pageNumber(bad)).as(bad)
                    .isInstanceOfSatisfying(ResponseStatusException.class, e -> {
                        assertThat(e.getStatusCode().value()).isEqualTo(400);
                        assertThat(e.getReason()).isEqualTo("页码须为 1 到 10000 之间的整数。");
                    });
        }
    }
}
