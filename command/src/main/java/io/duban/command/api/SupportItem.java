package io.duban.command.api;

import java.util.List;

/**
 * One row of the appendix 重点支持事项清单.
 *
 * @param number            the row's 序号
 * @param text              支持事项, whitespace-normalised
 * @param article           the article the text comes from, e.g. （三）; null when no article could be found and the
 *                          office did not choose one (出处未定)
 * @param articleTitle      that article's heading, e.g. 建设“世界乳都”; {@value #UNDETERMINED} when article is null
 * @param units             the responsible units: the row's own units first, then the co-responsible ones
 * @param targets           dated and recurring targets stated in the text
 * @param articleConfidence how sure the link to the article is, 0–1 (the share of the row's wording found in it);
 *                          1 when the office chose the article; null when there is no article, and on items
 *                          imported before confidences were recorded (those were all linked at 0.5 or more)
 */
public record SupportItem(int number, String text, String article, String articleTitle,
                          List<ResponsibleUnit> units, List<Target> targets, Double articleConfidence) {

    public static final String UNDETERMINED = "出处未定";

    public SupportItem {
        units = List.copyOf(units);
        targets = List.copyOf(targets);
    }

    /** An item as recorded before confidences existed. */
    public SupportItem(int number, String text, String article, String articleTitle,
                       List<ResponsibleUnit> units, List<Target> targets) {
        this(number, text, article, articleTitle, units, targets, null);
    }

    public boolean isResponsible(String unitId) {
        return units.stream().anyMatch(u -> u.unitId().equals(unitId));
    }
}
