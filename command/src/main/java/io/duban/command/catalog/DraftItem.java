package io.duban.command.catalog;

import io.duban.command.api.SupportItem;
import io.duban.command.api.Target;

import java.util.List;

/**
 * One appendix row as the import will record it, with what the preview shows besides.
 *
 * @param number            序号
 * @param text              支持事项
 * @param units             the row's own units, then the co-responsible ones
 * @param article           e.g. （三）; null when 出处未定
 * @param articleTitle      the article's heading, or 出处未定
 * @param articleConfidence the share of the row's wording found in the article (1 when the office chose it); null
 *                          when 出处未定
 * @param bestGuess         for an item left 出处未定: the article that came closest, e.g. （三）; otherwise null
 * @param bestGuessScore    its share of the row's wording; 0 when there is no guess
 * @param targets           the targets read from the text
 * @param unreadTargets     phrases that look like a target (a year, 每年) but could not be read as one
 */
public record DraftItem(int number, String text, List<DraftUnit> units, String article, String articleTitle,
                        Double articleConfidence, String bestGuess, double bestGuessScore, List<Target> targets,
                        List<String> unreadTargets) {

    public DraftItem {
        units = List.copyOf(units);
        targets = List.copyOf(targets);
        unreadTargets = List.copyOf(unreadTargets);
    }

    DraftItem withUnits(List<DraftUnit> newUnits) {
        return new DraftItem(number, text, newUnits, article, articleTitle, articleConfidence, bestGuess,
                bestGuessScore, targets, unreadTargets);
    }

    DraftItem withArticle(String newArticle, String newTitle, Double confidence) {
        return new DraftItem(number, text, units, newArticle, newTitle, confidence, null, 0, targets, unreadTargets);
    }

    SupportItem supportItem() {
        return new SupportItem(number, text, article, articleTitle,
                units.stream().map(DraftUnit::responsibleUnit).toList(), targets, articleConfidence);
    }
}
