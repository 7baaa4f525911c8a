package io.duban.query.api.dispatch;

import java.time.LocalDate;
import java.util.List;

/**
 * The digest of a quarterly dispatch round: the round's commitments judged with the traffic lights as of
 * {@code asOf} (the quarter's last day; for a round still open, today if earlier), so a closed round's digest reads
 * the same whenever it is asked for while the commitments do not change.
 *
 * @param totals        the counts over every commitment of the round
 * @param byItem        per support item, in policy and item order
 * @param byUnit        per unit, with its reported and not reported commitments
 * @param notReported   the commitments without a quarterly report that owe one
 * @param worstOverdue  the red commitments, longest overdue first (at most {@value #WORST_OVERDUE_LIMIT})
 * @param exempt        the commitments without a report that owe none (已办结免报): verified before it fell due
 */
public record DispatchDigest(String roundId, LocalDate quarterStart, LocalDate quarterEnd, LocalDate reportDeadline,
                             String status, LocalDate asOf, Counts totals, List<ItemRow> byItem, List<UnitRow> byUnit,
                             List<Entry> notReported, List<OverdueCase> worstOverdue, List<Entry> exempt) {

    /** The most overdue cases a digest lists. */
    public static final int WORST_OVERDUE_LIMIT = 10;

    /**
     * onTrack = GREEN, atRisk = YELLOW, overdue = RED, done = verified (DONE); reported/notReported = quarterly
     * reports; exempt = without a report and owing none (已办结免报), counted in neither.
     */
    public record Counts(int total, int onTrack, int atRisk, int overdue, int done, int reported, int notReported,
                         int exempt) {
    }

    public record ItemRow(String policyId, int itemNumber, String itemText, Counts counts) {
    }

    public record UnitRow(String unitId, String unitName, Counts counts, List<Entry> notReported) {
    }

    /** One commitment of the round; {@code exempt}: no report and none owed (已办结免报). */
    public record Entry(String commitmentId, String policyId, int itemNumber, String unitId, String unitName,
                        String light, int progress, boolean reported, boolean late, boolean exempt) {

        /** Without a report and owing one. */
        public boolean missing() {
            return !reported && !exempt;
        }
    }

    /** @param overdueSince the earliest due date missed; daysOverdue counted to {@code asOf} */
    public record OverdueCase(String commitmentId, String policyId, int itemNumber, String unitId, String unitName,
                              int progress,
                              LocalDate overdueSince, long daysOverdue, List<String> reasons) {
    }
}
