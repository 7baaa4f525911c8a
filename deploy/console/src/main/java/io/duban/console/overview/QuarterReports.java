package io.duban.console.overview;

import io.duban.query.api.dispatch.DispatchRoundView;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

/**
 * This quarter's report rate (季度报送率), from the quarter's dispatch round: of the commitments the round asks a
 * report of, how many reported, and of those how many by the deadline.
 *
 * @param opened   false when nobody opened the quarter's round yet (then every count is 0)
 * @param due      commitments the round asks, the exempt (已办结免报) left out (a report also makes its commitment
 *                 part of the round)
 * @param reported of those, with a report
 * @param onTime   of those, reported by the deadline; {@code late} after it
 * @param missing  without a report
 */
public record QuarterReports(String roundId, boolean opened, boolean closed, LocalDate reportDeadline,
                      boolean deadlinePassed, int due, int reported, int onTime, int late, int missing) {

    static QuarterReports of(String roundId, Optional<DispatchRoundView> found, LocalDate today) {
        if (found.isEmpty()) {
            return new QuarterReports(roundId, false, false, null, false, 0, 0, 0, 0, 0);
        }
        DispatchRoundView round = found.get();
        // a commitment verified before its report fell due owes none (已办结免报): not due, not missing
        Set<String> asked = new HashSet<>(round.commitmentIds());
        asked.removeAll(round.exempt());
        Set<String> missing = new HashSet<>(round.notReportedNow());
        int onTime = 0;
        int late = 0;
        Set<String> counted = new HashSet<>();
        for (DispatchRoundView.Report report : round.reports()) {
            // the first report of a commitment decides whether it was on time
            if (asked.contains(report.commitmentId()) && !missing.contains(report.commitmentId())
                    && counted.add(report.commitmentId())) {
                if (report.late()) {
                    late++;
                } else {
                    onTime++;
                }
            }
        }
        int reported = asked.size() - (int) missing.stream().filter(asked::contains).count();
        boolean passed = round.reportDeadline() != null && today.isAfter(round.reportDeadline());
        return new QuarterReports(roundId, true, round.closed(), round.reportDeadline(), passed, asked.size(),
                reported, onTime, late, asked.size() - reported);
    }

    /** Reported ÷ due, in whole percent; null when nothing is due. */
    public Integer reportRate() {
        return percent(reported, due);
    }

    /** Reported by the deadline ÷ reported, in whole percent; null when nothing was reported. */
    public Integer onTimeShare() {
        return percent(onTime, reported);
    }

    private static Integer percent(int part, int whole) {
        return whole == 0 ? null : (int) Math.round(100.0 * part / whole);
    }
}
