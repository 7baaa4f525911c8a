package io.duban.command.catalog;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ArticleLinkerTest {

    private final ArticleLinker linker = new ArticleLinker(ArticleIndex.read(List.of(
            "（一）发展总部经济。支持国家北方能源总部基地落户呼和浩特市。对总部企业在用房、融资、纳税等方面予以支持。",
            "（二）强化创新支撑。支持高标准打造和林格尔人才科创中心。对总部研发中心予以支持。"), 0, 2));

    @Test
    void a_reworded_row_is_linked_to_the_article_containing_most_of_its_words() {
        // when: 等方面 became 等事项 in the row
        ArticleLink link = linker.link("对总部企业在用房、融资、纳税等事项予以支持");
        Article article = link.best();

        // then
        assertThat(link.linked()).isTrue();
        assertThat(link.uncertain()).isFalse();
        assertThat(article.numeral()).isEqualTo("（一）");
        assertThat(article.title()).isEqualTo("发展总部经济");
    }

    @Test
    void a_row_merging_sentences_of_one_article_is_linked_to_it() {
        // when
        Article article = linker.link("支持高标准打造和林格尔人才科创中心，对总部研发中心予以支持").best();

        // then
        assertThat(article.numeral()).isEqualTo("（二）");
    }

    @Test
    void a_row_that_no_article_speaks_of_is_left_unlinked_not_refused() {
        // when
        ArticleLink link = linker.link("实施黄河流域生态保护工程");

        // then
        assertThat(link.linked()).isFalse();
        assertThat(link.confidence()).isLessThan(ArticleLinker.MIN_TENTATIVE);
    }

    @Test
    void a_paraphrased_row_is_linked_tentatively_to_the_article_that_clearly_holds_most_of_it() {
        // when: half rewritten, still mostly the words of （二）
        ArticleLink link = linker.link("高标准建成和林格尔青年人才基地");

        // then
        assertThat(link.linked()).isTrue();
        assertThat(link.uncertain()).isTrue();
        assertThat(link.best().numeral()).isEqualTo("（二）");
    }

    @Test
    void an_article_is_found_by_its_marker_however_written() {
        assertThat(linker.article("(二)")).map(Article::title).contains("强化创新支撑");
        assertThat(linker.article("二")).map(Article::title).contains("强化创新支撑");
        assertThat(linker.article("（九）")).isEmpty();
    }
}
