package io.duban.query.api.scorecard;

import java.time.LocalDate;
import java.util.List;

/** Answer to {@link FindOnTimeRates}: every unit with commitments, in the catalogue's order. */
public record OnTimeRates(LocalDate from, LocalDate to, LocalDate today, List<UnitOnTime> units) {

    /** One unit's milestones of the period, as 考核评价 counts them. */
    public record UnitOnTime(String unitId, String unitName, int milestonesDue, int milestonesOnTime,
                             int milestonesLate, int milestonesOverdue) {

        /** On time ÷ due, 0.0–1.0; null when nothing was due. */
        public Double onTimeRate() {
            return milestonesDue == 0 ? null : (double) milestonesOnTime / milestonesDue;
        }
    }
}
