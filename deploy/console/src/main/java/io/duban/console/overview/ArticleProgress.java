package io.duban.console.overview;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.duban.query.api.board.BoardSummary.ItemTotal;
import io.duban.query.api.catalog.ItemView;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Progress by article (各条款推进进度): the policy's articles (（一）（二）…, from the items' catalogue entries), each
 * with the average effective progress of the commitments registered for its items (100 once verified). An article
 * none of whose items has a commitment yet has no average and says so.
 */
final class ArticleProgress {

    /** One bar. {@code progress} is null when no commitment is registered for the article's items. */
    record Article(String policyId, String article, String label, int items, int commitments, Double progress) {
    }

    private ArticleProgress() {
    }

    static List<Article> articles(List<ItemTotal> board) {
        Map<String, List<ItemTotal>> byArticle = new LinkedHashMap<>();
        for (ItemTotal entry : board) {
            ItemView item = entry.item();
            byArticle.computeIfAbsent(item.policyId() + "|" + (item.article() == null ? "" : item.article()),
                    k -> new ArrayList<>()).add(entry);
        }
        List<Article> articles = new ArrayList<>();
        for (List<ItemTotal> entries : byArticle.values()) {
            ItemView first = entries.get(0).item();
            int commitments = entries.stream().mapToInt(ItemTotal::commitments).sum();
            int sum = entries.stream().mapToInt(ItemTotal::progressSum).sum();
            Double average = commitments == 0 ? null : BigDecimal.valueOf(sum)
                    .divide(BigDecimal.valueOf(commitments), 1, RoundingMode.HALF_UP).doubleValue();
            String label = first.article() == null ? first.articleTitle() : first.article() + first.articleTitle();
            articles.add(new Article(first.policyId(), first.article(), label, entries.size(), commitments, average));
        }
        articles.sort(Comparator.comparing(Article::policyId)
                .thenComparingInt(a -> ChineseNumerals.articleNumber(a.article())));
        return articles;
    }

    static Chart chart(List<ItemTotal> board, ObjectMapper json) {
        List<Article> articles = articles(board);
        Map<String, Object> chart = new LinkedHashMap<>();
        chart.put("articles", articles.stream().map(Article::label).toList());
        chart.put("progress", articles.stream().map(Article::progress).toList());
        chart.put("items", articles.stream().map(Article::items).toList());
        chart.put("commitments", articles.stream().map(Article::commitments).toList());
        return Chart.of(json, chart, articles.isEmpty());
    }
}
