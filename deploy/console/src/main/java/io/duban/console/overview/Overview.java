package io.duban.console.overview;

import java.time.LocalDate;
import java.util.List;

/**
 * What 总览 shows, read once per page view.
 *
 * @param lights      unit × item counts per light, worst first (one entry per light, zeros included)
 * @param expected    every unit × item pair (= the sum of the counts)
 * @param overdue     the most overdue commitments, at most {@link OverviewReader#TOP}
 * @param overdueAll  how many commitments are overdue in all
 * @param dueSoon     commitments whose next due date falls within the due-soon window, soonest first
 * @param dueSoonAll  how many there are in all
 * @param tooBroad    a list could not be read because it exceeds the service's list bound (the page says so)
 * @param chartJson   lights by unit for the chart, as JSON (placed in a data attribute, escaped)
 */
public record Overview(LocalDate today, int dueSoonDays, List<LightCount> lights, int expected,
                       List<Row> overdue, int overdueAll, List<Row> dueSoon, int dueSoonAll, boolean tooBroad,
                       String chartJson) {

    /** A light with its count, e.g. 逾期 3; {@code key} is the CSS modifier (red, yellow, …). */
    public record LightCount(String key, String label, int count) {
    }

    /**
     * A commitment in a list.
     *
     * @param due    the date that makes it overdue or due soon (the earliest open milestone or the final date)
     * @param days   days past (overdue) or left (due soon)
     * @param reason the light's first reason (Chinese, from the query side)
     */
    public record Row(String commitmentId, String policyId, int itemNumber, String unitName, int progress,
                      LocalDate due, long days, String reason) {
    }
}
