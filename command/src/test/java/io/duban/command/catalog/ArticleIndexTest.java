package io.duban.command.catalog;

import org.junit.jupiter.api.Test;

import java.util.List;

import static io.duban.command.catalog.RefusalAssertions.assertRefused;
import static org.assertj.core.api.Assertions.assertThat;

class ArticleIndexTest {

    @Test
    void reads_numeral_heading_and_body_and_ends_an_article_at_the_next_section() {
        // given
        List<String> lines = List.of(
                "前言不属于任何条目。",
                "一、总体要求",
                "（一）指导思想。坚持稳中求进。",
                "（二）目标定位。",
                "——打造“实力之城”。",
                "二、重点任务",
                "这一行不属于任何条目。",
                "（十一）构建 高速公路网。加快建设S43 机场高速公路。");

        // when
        List<Article> articles = ArticleIndex.read(lines, 0, lines.size()).articles();

        // then
        assertThat(articles).containsExactly(
                new Article("（一）", "指导思想", "坚持稳中求进。"),
                new Article("（二）", "目标定位", "——打造“实力之城”。"),
                new Article("（十一）", "构建高速公路网", "加快建设S43机场高速公路。"));
    }

    @Test
    void only_the_given_range_is_read() {
        // given
        List<String> lines = List.of("（一）甲。甲文。", "（二）乙。乙文。", "（三）丙。丙文。");

        // when
        List<Article> articles = ArticleIndex.read(lines, 1, 2).articles();

        // then
        assertThat(articles).extracting(Article::numeral).containsExactly("（二）");
    }

    @Test
    void a_body_without_numbered_articles_is_refused() {
        assertRefused(() -> ArticleIndex.read(List.of("一、总体要求", "坚持稳中求进。"), 0, 2), "正文中未找到编号条目");
    }
}
