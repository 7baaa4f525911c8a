package io.duban.console.overview;

import io.duban.query.api.inbox.OfficeInbox;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * Open major issues (重大事项), from the office's inbox: the ones open longest first, as the inbox lists them (an
 * issue waiting for the office's help is the more urgent the longer it waits).
 *
 * @param total  how many are open in all
 * @param oldest at most {@link #TOP}
 */
public record OpenIssues(int total, List<Issue> oldest) {

    static final int TOP = 5;

    public record Issue(String commitmentId, int itemNumber, String unitName, String summary, LocalDate raisedOn,
                 long daysOpen) {
    }

    static OpenIssues of(OfficeInbox inbox, ZoneId zone) {
        List<Issue> oldest = inbox.majorIssues().stream().limit(TOP).map(i -> {
            LocalDate raised = i.raisedAt() == null ? null : LocalDate.ofInstant(i.raisedAt(), zone);
            return new Issue(i.subject().commitmentId(), i.subject().itemNumber(), i.subject().unitName(), i.summary(),
                    raised, raised == null ? 0 : Math.max(0, ChronoUnit.DAYS.between(raised, inbox.today())));
        }).toList();
        return new OpenIssues(inbox.totals().majorIssues(), oldest);
    }
}
