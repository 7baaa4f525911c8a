package io.duban.query.api.scorecard;

import java.time.LocalDate;

/**
 * Each unit's milestones due in a period and how many were met on time, late, or are overdue, counted by the
 * scorecard's rule (考核评价's milestone columns) from the units' board digests: 总览's on-time chart, without
 * reading the whole scorecard. Answer: {@link OnTimeRates}.
 */
public record FindOnTimeRates(LocalDate from, LocalDate to) {

    public FindOnTimeRates {
        if (from == null || to == null) {
            throw new IllegalArgumentException("请给出统计期间的起止日期。");
        }
        if (to.isBefore(from)) {
            throw new IllegalArgumentException("截止日期不能早于起始日期。");
        }
    }
}
