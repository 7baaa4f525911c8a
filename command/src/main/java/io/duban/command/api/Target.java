package io.duban.command.api;

import java.math.BigDecimal;

/**
 * A dated or recurring target extracted from an item's text.
 *
 * @param kind       deadline or annual
 * @param text       the phrase of the source text the target was read from
 * @param dueYear    for a deadline: the year by whose end it is due; otherwise null
 * @param firstYear  for an annual target: the first year, when known; otherwise null
 * @param lastYear   for an annual target: the last year, when the text bounds it; null for "every year"
 * @param amount     the amount stated, when any (e.g. 10 for 10亿元); otherwise null
 * @param amountUnit the unit of the amount (e.g. 亿元); otherwise null
 */
public record Target(TargetKind kind, String text, Integer dueYear, Integer firstYear, Integer lastYear,
                     BigDecimal amount, String amountUnit) {
}
