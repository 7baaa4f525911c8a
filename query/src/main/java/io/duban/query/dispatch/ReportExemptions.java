package io.duban.query.dispatch;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

/**
 * Which commitments of a round owe no quarterly report: those verified (已办结) before their report fell due, and not
 * reopened since. Art. 24 asks a report of every commitment not done in the quarter; one that was done before its
 * report was due has nothing left to report, and its completion claim, verified by the office, is its account.
 * When a report falls due is the scorecard's rule: the round's report deadline, or for a commitment the round listed
 * only after that deadline, the quarter's last day. So a commitment verified before the round opened owes none, nor
 * one verified before the deadline; one verified after the deadline had missed it while still open, and still owes
 * it. Decided when read, from the commitments view, never stored: a reopened commitment owes its report again.
 */
final class ReportExemptions {

    private ReportExemptions() {
    }

    /**
     * @param notReported the round's commitments without a report, in the round's order
     * @param joinedAt    when the round listed each commitment (absent for a view written before it recorded joins:
     *                    then the deadline applies)
     * @param verifiedAt  when each of them that is verified now was verified; the others are absent
     */
    static List<String> exempt(List<String> notReported, Map<String, Instant> joinedAt, Map<String, Instant> verifiedAt,
                               LocalDate reportDeadline, LocalDate quarterEnd, ZoneId zone) {
        return notReported.stream().filter(id -> verifiedAt.containsKey(id)
                && owesNone(date(verifiedAt.get(id), zone), date(joinedAt.get(id), zone), reportDeadline, quarterEnd))
                .toList();
    }

    static boolean owesNone(LocalDate verified, LocalDate joined, LocalDate reportDeadline, LocalDate quarterEnd) {
        if (verified == null || reportDeadline == null) {
            return false;
        }
        LocalDate due = joined != null && joined.isAfter(reportDeadline) && quarterEnd != null ? quarterEnd : reportDeadline;
        return !verified.isAfter(due);
    }

    private static LocalDate date(Instant at, ZoneId zone) {
        return at == null ? null : LocalDate.ofInstant(at, zone);
    }
}
