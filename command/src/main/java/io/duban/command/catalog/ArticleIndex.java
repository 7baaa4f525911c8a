package io.duban.command.catalog;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The numbered articles （一）（二）… of the body, in order. An article runs until the next article, the next section
 * heading (一、总体要求) or the end of the body; the lines in between (e.g. the ——打造… lines of （二）) belong to it.
 */
final class ArticleIndex {

    private static final Pattern ARTICLE = Pattern.compile("[（(]([一二三四五六七八九十百〇零]{1,6})[）)](.*)");
    private static final Pattern SECTION = Pattern.compile("[一二三四五六七八九十百]{1,4}[、.．].*");

    /** Real documents have tens of articles; see {@link AppendixTableReader#MAX_ROWS} for why there is a bound. */
    static final int MAX_ARTICLES = 1000;

    private final List<Article> articles;

    private ArticleIndex(List<Article> articles) {
        this.articles = List.copyOf(articles);
    }

    /** Reads the articles of {@code lines[from, to)}. */
    static ArticleIndex read(List<String> lines, int from, int to) {
        List<Article> articles = new ArrayList<>();
        String numeral = null;
        StringBuilder text = new StringBuilder();
        for (int i = from; i < to; i++) {
            String line = ChineseWhitespace.collapse(lines.get(i));
            Matcher m = ARTICLE.matcher(line);
            boolean startsArticle = m.matches();
            if (startsArticle || SECTION.matcher(line).matches()) {
                addArticle(articles, numeral, text);
                numeral = startsArticle ? "（" + m.group(1) + "）" : null;
                text.setLength(0);
                if (startsArticle) {
                    text.append(m.group(2));
                }
            } else if (numeral != null) {
                text.append(line);
            }
        }
        addArticle(articles, numeral, text);
        if (articles.isEmpty()) {
            throw UnparseablePolicy.because("正文中未找到编号条目（一）（二）……，无法确定各事项的出处");
        }
        return new ArticleIndex(articles);
    }

    List<Article> articles() {
        return articles;
    }

    private static void addArticle(List<Article> articles, String numeral, CharSequence text) {
        if (numeral == null) {
            return;
        }
        if (articles.size() == MAX_ARTICLES) {
            throw UnparseablePolicy.because("正文条目超过" + MAX_ARTICLES + "条，不是一份意见类文件");
        }
        String content = text.toString();
        int end = content.indexOf('。');
        String title = end < 0 ? content : content.substring(0, end);
        String body = end < 0 ? "" : content.substring(end + 1);
        articles.add(new Article(numeral, title, body));
    }
}
