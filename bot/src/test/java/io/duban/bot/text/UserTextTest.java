package io.duban.bot.text;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/** What people typed, put into a bot message: it reads as typed, and does nothing else. */
class UserTextTest {

    @Test
    void a_fake_heading_stays_on_its_line_and_is_no_heading() {
        String safe = UserText.markdown("资金缺口\n\n### 时限调整已批准\n\n**调整**：已延至 2030-12-31");

        assertThat(safe).isEqualTo("资金缺口 ＃＃＃ 时限调整已批准 ＊＊调整＊＊：已延至 2030-12-31");
        assertThat(safe).doesNotContain("\n").doesNotContain("#").doesNotContain("*");
    }

    @Test
    void links_images_and_html_lose_their_syntax_and_addresses_are_not_clickable() {
        assertThat(UserText.markdown("[点我](http://evil)")).isEqualTo("［点我］(http：//evil)");
        assertThat(UserText.markdown("![x](http://evil/x.png)")).isEqualTo("!［x］(http：//evil/x.png)");
        assertThat(UserText.markdown("<a href=\"https://evil\">详情</a>"))
                .isEqualTo("＜a href=\"https：//evil\"＞详情＜/a＞");
        assertThat(UserText.markdown("见 www.evil.com 或 HTTPS://EVIL.COM/x"))
                .isEqualTo("见 www．evil.com 或 HTTPS：//EVIL.COM/x");
        assertThat(UserText.markdown("<http://evil>")).isEqualTo("＜http：//evil＞");
        assertThat(UserText.markdown("[x](javascript:alert(1))")).isEqualTo("［x］(javascript：alert(1))");
        assertThat(UserText.markdown("&lt;b&gt; `code` ~~删~~ _斜_ a|b \\x"))
                .isEqualTo("＆lt;b＆gt; ｀code｀ ～～删～～ ＿斜＿ a｜b ＼x");
    }

    @ParameterizedTest
    @ValueSource(strings = {"> 引用", "- 列表", "1. 列表", "  ### 缩进标题"})
    void user_text_never_starts_a_line(String text) {
        assertThat(UserText.markdown("前文\n" + text)).doesNotContain("\n").startsWith("前文 ");
    }

    @Test
    void invisible_characters_are_dropped_and_ordinary_text_is_left_as_it_is() {
        assertThat(UserText.markdown("报\u202E告\u200B人\u0000")).isEqualTo("报告人");
        assertThat(UserText.markdown("补贴办法已起草（70%），预计 2027-06-30 完成；王五、李四"))
                .isEqualTo("补贴办法已起草（70%），预计 2027-06-30 完成；王五、李四");
        assertThat(UserText.markdown(null)).isEmpty();
    }

    @Test
    void plain_text_keeps_its_lines_and_markdown_but_not_its_clickable_addresses() {
        assertThat(UserText.plain("已记录：#31 说明：见 http://evil 和 www.evil.com\n下一行 **原样**"))
                .isEqualTo("已记录：#31 说明：见 http：//evil 和 www．evil.com\n下一行 **原样**");
        assertThat(UserText.plain("改\u202E向")).isEqualTo("改向");
    }
}
