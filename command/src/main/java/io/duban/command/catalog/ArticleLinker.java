package io.duban.command.catalog;

import java.util.List;
import java.util.Optional;

/**
 * Finds the article an appendix row was condensed from. Rows are not verbatim copies (clauses are merged, 等方面
 * becomes 等事项, 呼和浩特市 becomes 呼和浩特), so the row is matched by how much of its wording occurs in each article,
 * and the article containing most of it wins; on a tie the earlier article wins, so the result is deterministic.
 *
 * <p>Real documents paraphrase, so a row whose wording is not found is never a reason to refuse the document: it is
 * linked with its confidence, or left 出处未定, and the preview says so.
 */
final class ArticleLinker {

    /**
     * At or above this share the link is as sure as those of 内政发〔2023〕1号 (its weakest row shares 0.5 of its
     * wording); below it a row shares little more than stock phrases (呼和浩特市, 支持, 建设) with its best article.
     */
    static final double MIN_CONTAINMENT = 0.5;

    /**
     * Between this share and {@link #MIN_CONTAINMENT} a paraphrased row is still linked to its best article, when that
     * article contains clearly more of it than any other; the preview flags it for the office to check. Below, the
     * row is 出处未定: linking it anyway would silently mislead the supervisors.
     */
    static final double MIN_TENTATIVE = 0.3;

    /** How much more of the row the best article must hold than the runner-up for a tentative link. */
    static final double MIN_LEAD = 0.1;

    private final List<Article> articles;
    private final List<Bigrams> profiles;

    ArticleLinker(ArticleIndex index) {
        this.articles = index.articles();
        this.profiles = articles.stream().map(a -> Bigrams.of(a.fullText())).toList();
    }

    ArticleLink link(String itemText) {
        Bigrams item = Bigrams.of(itemText);
        Article best = null;
        double bestScore = -1;
        double runnerUp = 0;
        for (int i = 0; i < articles.size(); i++) {
            double score = item.containmentIn(profiles.get(i));
            if (score > bestScore) {
                runnerUp = Math.max(runnerUp, bestScore);
                best = articles.get(i);
                bestScore = score;
            } else {
                runnerUp = Math.max(runnerUp, score);
            }
        }
        if (best == null) {
            return new ArticleLink(null, 0, false);
        }
        boolean linked = bestScore >= MIN_CONTAINMENT
                || (bestScore >= MIN_TENTATIVE && bestScore - runnerUp >= MIN_LEAD);
        return new ArticleLink(best, bestScore, linked);
    }

    /** The article with this marker, e.g. （三）, (三) or 三. */
    Optional<Article> article(String marker) {
        String numeral = KnownUnits.spelling(marker).replaceAll("[（()）第条]", "");
        return articles.stream().filter(a -> a.numeral().equals("（" + numeral + "）")).findFirst();
    }
}
