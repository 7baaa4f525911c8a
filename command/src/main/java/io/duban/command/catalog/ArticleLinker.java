package io.duban.command.catalog;

import java.util.List;

/**
 * Finds the article an appendix row was condensed from. Rows are not verbatim copies (clauses are merged, 等方面
 * becomes 等事项, 呼和浩特市 becomes 呼和浩特), so the row is matched by how much of its wording occurs in each article,
 * and the article containing most of it wins; on a tie the earlier article wins, so the result is deterministic.
 */
final class ArticleLinker {

    /**
     * Below this share a row shares little more than stock phrases (呼和浩特市, 支持, 建设) with its best article; it
     * is then not from this document's body, and linking it anyway would silently mislead the supervisors.
     */
    static final double MIN_CONTAINMENT = 0.5;

    private final List<Article> articles;
    private final List<Bigrams> profiles;

    ArticleLinker(ArticleIndex index) {
        this.articles = index.articles();
        this.profiles = articles.stream().map(a -> Bigrams.of(a.fullText())).toList();
    }

    Article articleFor(int itemNumber, String itemText) {
        Bigrams item = Bigrams.of(itemText);
        Article best = null;
        double bestScore = -1;
        for (int i = 0; i < articles.size(); i++) {
            double score = item.containmentIn(profiles.get(i));
            if (score > bestScore) {
                best = articles.get(i);
                bestScore = score;
            }
        }
        if (best == null || bestScore < MIN_CONTAINMENT) {
            throw UnparseablePolicy.because("第" + itemNumber + "项的支持事项在正文各条目中均找不到出处");
        }
        return best;
    }
}
