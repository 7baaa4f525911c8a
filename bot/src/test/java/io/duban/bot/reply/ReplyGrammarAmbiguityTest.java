package io.duban.bot.reply;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Messages the bot must not act on. Each gets a {@link NotUnderstoodReply} whose question names the actual problem
 * (the expected fragment) — a status change is never guessed.
 */
class ReplyGrammarAmbiguityTest {

    // Not a @CsvSource: there a line starting with '#' is a comment, and nearly every row here starts with '#'.
    static Stream<Arguments> ambiguous() {
        return Stream.of(
                // what is displayed would differ from what is recorded: an override reverses "80" into "08"
                Arguments.of("\u202E#31 进度 08%", "改变文字方向"),
                Arguments.of("#31 进度 80%\u2066\u2069", "改变文字方向"),
                Arguments.of("#31 困难 \u001B[31m", "控制字符"),
                Arguments.of("#31 进度 80% \u0000", "控制字符"),
                Arguments.of("#31 进度 80% 60%", "不止一个百分比"),
                Arguments.of("#31 进度 80% 资金到位率60%", "不止一个百分比"),
                Arguments.of("80% 60% #31", "不止一个百分比"),
                Arguments.of("#31 进度 120%", "超出了范围"),
                Arguments.of("#31 进度 百分之一百二十", "超出了范围"),
                Arguments.of("#31 进度 12345%", "超出了范围"),
                Arguments.of("#31 进度 80.5%", "整数百分比"),
                Arguments.of("#31 进度 完成可研批复", "百分比"),
                Arguments.of("#31 进度80% 已完成", "还是报告已全部完成"),
                Arguments.of("#31 已完成 进度80%", "还是报告已全部完成"),
                Arguments.of("#31 完成 80%", "还是报告已全部完成"),
                Arguments.of("#31 完成80%", "还是报告已全部完成"),
                Arguments.of("#31 已完成 目前完成率95%", "还是报告已全部完成"),
                Arguments.of("#31 延期 2027-02-30 资金未到位", "不是有效日期"),
                Arguments.of("#31 延期 2027年2月29日 资金未到位", "不是有效日期"),
                Arguments.of("#31 延期 2027-13-01 资金未到位", "不是有效日期"),
                Arguments.of("#31 延期 6月30日 资金未到位", "不完整"),
                Arguments.of("#31 延期 2027年6月 资金未到位", "不完整"),
                Arguments.of("#31 延期 2027年底 资金未到位", "不完整"),
                Arguments.of("#31 延期 2027-06 资金未到位", "不完整"),
                Arguments.of("#31 延期 1999-06-30 资金未到位", "不在合理范围"),
                Arguments.of("#31 延期 2027-06-30", "写明原因"),
                Arguments.of("#31 延期 2027-06-30 ……", "写明原因"),
                Arguments.of("#31 延期 资金未到位", "新的完成日期"),
                Arguments.of("#31 延期三个月 资金未到位", "新的完成日期"),
                Arguments.of("#31 延期 2027-06-30 2027-09-30 资金未到位", "不止一个日期"),
                Arguments.of("#31 M2 M3 延期 2027-06-30 资金未到位", "一个节点"),
                Arguments.of("进度 80%", "哪一项承诺"),
                Arguments.of("已完成 补助已拨付", "哪一项承诺"),
                Arguments.of("延期 2027-06-30 资金未到位", "哪一项承诺"),
                Arguments.of("收到", "哪一项承诺"),
                Arguments.of("#31 #32 进度 80%", "几个编号"),
                Arguments.of("#31 进度 80% 另外#32也完成了", "几个编号"),
                Arguments.of("#31 已完成 补助已拨付 #31 延期 2027-06-30 资金未到位", "分开发送"),
                Arguments.of("#31 进度 80% 完成可研批复#31 困难 资金缺口", "不止一次"),
                Arguments.of("#31-2 进度 80%", "不是有效的编号"),
                Arguments.of("#0 进度 80%", "不是有效的编号"),
                Arguments.of("#abc 进度 80%", "不是有效的编号"),
                Arguments.of("#31 困难 进度 80%", "同时有"),
                Arguments.of("#31 延期 2027-06-30 困难 资金", "同时有"),
                Arguments.of("#31 困难", "遇到的困难"),
                Arguments.of("#31 问题:……", "遇到的困难"),
                Arguments.of("#31", "做什么"),
                Arguments.of("#31 完成可研批复", "做什么"),
                Arguments.of("#31 问题已解决", "做什么"),
                Arguments.of("#31 进展顺利", "做什么"),
                Arguments.of("#31 完成?", "问题"),
                Arguments.of("#31 进度 80%? 还是70%", "问题"),
                Arguments.of("#31 M2 已完成", "不需要写“M2”"),
                Arguments.of("#31 M2 进度 80%", "不需要写“M2”"),
                Arguments.of("#31 进度 80% 2027-06-30", "不需要写“2027-06-30”"),
                Arguments.of("#31 延期 2027-06-30 80%", "不需要写“80%”"),
                Arguments.of("收到 #31 资金有缺口", "只是确认收到"),
                Arguments.of("今天天气不错", "没能看懂"));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("ambiguous")
    void asks_instead_of_guessing(String message, String expectedFragment) {
        Reply reply = ReplyGrammar.interpret(message);

        assertThat(reply).isInstanceOf(NotUnderstoodReply.class);
        assertThat(((NotUnderstoodReply) reply).question()).contains(expectedFragment);
    }

    @Test
    void quotes_back_what_was_understood() {
        NotUnderstoodReply reply = (NotUnderstoodReply) ReplyGrammar.interpret("#31 进度80% 已完成");

        assertThat(reply.understood()).isEqualTo("#31，报告进度，80%，报告完成");
        assertThat(reply.text()).startsWith("我读到的是：#31，报告进度，80%，报告完成。\n请问是报告进度，还是报告已全部完成？")
                .contains("#31 进度 80% 完成可研批复", "#31 已完成 补助已拨付");
    }

    @Test
    void examples_use_the_officials_own_reference() {
        NotUnderstoodReply reply = (NotUnderstoodReply) ReplyGrammar.interpret("#nzf-2023-1/7 进度");

        assertThat(reply.question()).contains("#nzf-2023-1/7 进度 80%");
    }

    @Test
    void a_message_over_the_limit_is_refused_as_too_long() {
        String longText = "#31 进度 80% " + "说明".repeat(ReplyGrammar.MAX_LENGTH);

        NotUnderstoodReply reply = (NotUnderstoodReply) ReplyGrammar.interpret(longText);

        assertThat(reply.question()).startsWith("消息太长了").contains("最多 2000 字");
    }

    @Test
    void a_message_that_only_grows_too_long_under_nfkc_is_refused_too() {
        // U+FDFA becomes 18 characters under NFKC.
        NotUnderstoodReply reply = (NotUnderstoodReply) ReplyGrammar.interpret("#31 困难 " + "\uFDFA".repeat(1_000));

        assertThat(reply.question()).startsWith("消息太长了");
    }

    @Test
    void a_message_of_exactly_the_limit_is_still_read() {
        String note = "说".repeat(ReplyGrammar.MAX_LENGTH - "#31 进度 80% ".length());

        assertThat(ReplyGrammar.interpret("#31 进度 80% " + note)).isEqualTo(ReplyGrammarTableTest.progress(31, 80, note));
    }

    @Test
    void help_text_shows_every_action() {
        assertThat(ReplyTexts.help()).contains("#31 进度 80%", "#31 已完成", "#31 延期 2027-06-30", "#31 M2 延期至",
                "#31 困难", "收到 #31", "我的承诺", "#nzf-2023-1/31");
    }

    @Test
    void null_is_help_rather_than_an_error() {
        assertThat(ReplyGrammar.parse(null)).isEqualTo(new HelpReply());
    }
}
