package io.duban.console.overview;

import io.duban.query.api.inbox.OfficeInbox;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * What waits for the office's decision, from its inbox: pending deadline changes, completion claims awaiting
 * verification and escalations that reached the office; the ones waiting longest first.
 *
 * @param oldest at most {@link #TOP}, across the three kinds (the inbox's first {@link #TOP} of each, merged: the
 *               oldest of all are among them)
 */
public record PendingDecisions(int total, int changes, int claims, int escalations, List<Pending> oldest) {

    static final int TOP = 5;

    /**
     * @param kind  期限调整 / 办结核验 / 升级督办; {@code kindKey} its CSS modifier
     * @param what  the decision in a few words (the dates asked for, the claim, the level reached)
     * @param since when it started to wait (the request, the claim, the case reaching the office's level)
     */
    public record Pending(String kind, String kindKey, String commitmentId, int itemNumber, String unitName, String what,
                   LocalDate since, long daysWaiting) {
    }

    static PendingDecisions of(OfficeInbox inbox, ZoneId zone) {
        LocalDate today = inbox.today();
        List<Pending> all = new ArrayList<>();
        inbox.deadlineChanges().forEach(c -> all.add(pending("期限调整", "change", c.subject(),
                (c.milestoneTitle() == null ? "" : c.milestoneTitle() + "：") + c.currentDueDate() + " → "
                        + c.requestedDueDate(), c.requestedAt(), zone, today)));
        inbox.completionClaims().forEach(c -> all.add(pending("办结核验", "claim", c.subject(), c.summary(),
                c.claimedAt(), zone, today)));
        inbox.escalations().forEach(e -> all.add(pending("升级督办", "escalation", e.subject(),
                e.milestoneTitle() + " 逾期 " + e.calendarDaysOverdue() + " 天，已升级至第 " + e.level() + " 级",
                e.levelSince(), zone, today)));
        all.sort(Comparator.comparing(Pending::since, Comparator.nullsLast(Comparator.naturalOrder())));
        OfficeInbox.Totals totals = inbox.totals();
        return new PendingDecisions(totals.deadlineChanges() + totals.completionClaims() + totals.escalations(),
                totals.deadlineChanges(), totals.completionClaims(), totals.escalations(),
                List.copyOf(all.subList(0, Math.min(TOP, all.size()))));
    }

    private static Pending pending(String kind, String key, OfficeInbox.Subject s, String what, Instant since,
                                   ZoneId zone, LocalDate today) {
        LocalDate day = since == null ? null : LocalDate.ofInstant(since, zone);
        return new Pending(kind, key, s.commitmentId(), s.itemNumber(), s.unitName(), what, day,
                day == null ? 0 : Math.max(0, ChronoUnit.DAYS.between(day, today)));
    }
}
