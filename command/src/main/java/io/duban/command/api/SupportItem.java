package io.duban.command.api;

import java.util.List;

/**
 * One row of the appendix 重点支持事项清单.
 *
 * @param number       the row's 序号
 * @param text         支持事项, whitespace-normalised
 * @param article      the article the text comes from, e.g. （三）
 * @param articleTitle that article's heading, e.g. 建设“世界乳都”
 * @param units        the responsible units: the row's own units first, then the co-responsible ones
 * @param targets      dated and recurring targets stated in the text
 */
public record SupportItem(int number, String text, String article, String articleTitle,
                          List<ResponsibleUnit> units, List<Target> targets) {

    public SupportItem {
        units = List.copyOf(units);
        targets = List.copyOf(targets);
    }

    public boolean isResponsible(String unitId) {
        return units.stream().anyMatch(u -> u.unitId().equals(unitId));
    }
}
