package io.duban.command.catalog;

/**
 * One numbered article of the body, e.g. （三）建设“世界乳都”。创建国家级乳业知识产权运营中心……
 *
 * @param numeral the marker with full-width parentheses, e.g. （三）
 * @param title   the heading: the text up to the first 。, e.g. 建设“世界乳都”
 * @param body    the rest of the article, whitespace removed
 */
record Article(String numeral, String title, String body) {

    /** Everything the article says, for comparing it with the condensed wording of an appendix row. */
    String fullText() {
        return title + "。" + body;
    }
}
