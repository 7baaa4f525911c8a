package io.duban.bot.reply;

import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Real-looking replies and exactly what they mean. Every row runs three times: as typed, with every ASCII character
 * typed full-width (what a Chinese IME in full-width mode sends), and with invisible characters (zero-width space,
 * RTL mark, BOM) sprinkled between the characters — all three must give the identical record.
 */
class ReplyGrammarTableTest {

    static List<Arguments> table() {
        List<Arguments> rows = new ArrayList<>();
        // Progress
        rows.add(row("#31 进度 80% 完成可研批复", progress(31, 80, "完成可研批复")));
        rows.add(row("进度 #31 80%", progress(31, 80, "")));
        rows.add(row(" 31号 进展80% 已完成招标", progress(31, 80, "已完成招标")));
        rows.add(row("#31 80%", progress(31, 80, "")));
        rows.add(row("#31进度80%", progress(31, 80, "")));
        rows.add(row("#31 进度:65%,施工单位已进场", progress(31, 65, "施工单位已进场")));
        rows.add(row("#7 目前进度 40% 正在办理用地手续", progress(7, 40, "正在办理用地手续")));
        rows.add(row("#12 当前进度为55% 设备采购合同已签订", progress(12, 55, "设备采购合同已签订")));
        rows.add(row("#3 完成进度 30%", progress(3, 30, "")));
        rows.add(row("第31项 进度 50% 初设已批复", progress(31, 50, "初设已批复")));
        rows.add(row("第5项进展20%", progress(5, 20, "")));
        rows.add(row("#31 进度 0% 尚未启动", progress(31, 0, "尚未启动")));
        rows.add(row("#31 进度 100% 待验收", progress(31, 100, "待验收")));
        rows.add(row("#31 进度 百分之八十 已完成主体工程", progress(31, 80, "已完成主体工程")));
        rows.add(row("#31 进度百分之百", progress(31, 100, "")));
        rows.add(row("#31 进度 80 % 说明:首批资金已到位", progress(31, 80, "首批资金已到位")));
        rows.add(row("#nzf-2023-1/31 进度 45% 已下达资金计划", new ReportProgressReply(CommitmentRef.of("nzf-2023-1", 31), 45, "已下达资金计划")));
        rows.add(row("#NZF-2023-1/31 进度 45%", new ReportProgressReply(CommitmentRef.of("nzf-2023-1", 31), 45, "")));
        rows.add(row("@督办助手 #31 进度 80% 完成可研批复", progress(31, 80, "完成可研批复")));
        rows.add(row("#31 进度 80%。完成可研批复。", progress(31, 80, "完成可研批复.")));
        rows.add(row("# 31 进度 80%", progress(31, 80, "")));
        rows.add(row("#31号 进度 70% 土建完成", progress(31, 70, "土建完成")));
        rows.add(row("#31 进度 80%\n完成可研批复\n下一步招标", progress(31, 80, "完成可研批复 下一步招标")));
        rows.add(row("80% #31", progress(31, 80, "")));
        rows.add(row("#31 进展为 85% 问题已解决", progress(31, 85, "问题已解决")));
        rows.add(row("#108 进度 90% 已通过自治区验收", progress(108, 90, "已通过自治区验收")));
        // Completion
        rows.add(row("#31 已完成 补助已拨付", completion(31, "补助已拨付")));
        rows.add(row("#31 完成", completion(31, "")));
        rows.add(row("#31 办结 资金已全部拨付到位", completion(31, "资金已全部拨付到位")));
        rows.add(row("#31 已办结", completion(31, "")));
        rows.add(row("#31 全部完成,已报送验收材料", completion(31, "已报送验收材料")));
        rows.add(row("#31 已完成。", completion(31, "")));
        rows.add(row("31号 已完成 项目已投产", completion(31, "项目已投产")));
        rows.add(row("#31 完成了 补助发放到户率100%", completion(31, "补助发放到户率100%")));
        rows.add(row("#31 结项 已归档", completion(31, "已归档")));
        // Deadline change
        rows.add(row("#31 延期 2027-06-30 资金未到位", deadline(31, null, "2027-06-30", "资金未到位")));
        rows.add(row("#31 M2 延期至 2027/6/30 原因:审批流程长", deadline(31, "M2", "2027-06-30", "审批流程长")));
        rows.add(row("#31 申请延期到2027年6月30日,因为配套资金未到位", deadline(31, null, "2027-06-30", "因为配套资金未到位")));
        rows.add(row("#31 延期至2027.12.31 理由:征地未完成", deadline(31, null, "2027-12-31", "征地未完成")));
        rows.add(row("#31 提前至 2026-06-30 原因：提前完工", new RequestDeadlineChangeReply(CommitmentRef.item(31), null,
                LocalDate.parse("2026-06-30"), "提前完工", true)));
        rows.add(row("#31 M2 申请提前到2026年6月30日 原因：工期压缩", new RequestDeadlineChangeReply(CommitmentRef.item(31), "M2",
                LocalDate.parse("2026-06-30"), "工期压缩", true)));
        rows.add(row("#31 里程碑M3 推迟到 2028-03-01 设备进口受阻", deadline(31, "M3", "2028-03-01", "设备进口受阻")));
        rows.add(row("#31 m1 延期 2027-1-5 原因是环评未批", deadline(31, "M1", "2027-01-05", "环评未批")));
        rows.add(row("第31项 申请延期 2027年9月30号 受汛期影响", deadline(31, null, "2027-09-30", "受汛期影响")));
        rows.add(row("#31 延期 2027 年 6 月 30 日 原因:招标流标", deadline(31, null, "2027-06-30", "招标流标")));
        rows.add(row("#31 顺延至 2028-02-29 冬季停工", deadline(31, null, "2028-02-29", "冬季停工")));
        rows.add(row("#31 延至2027-06-30,资金缺口较大", deadline(31, null, "2027-06-30", "资金缺口较大")));
        rows.add(row("#31 延期 2027-06-30 因2026年底前无法完成征地", deadline(31, null, "2027-06-30", "因2026年底前无法完成征地")));
        rows.add(row("2027-06-30 #31 延期 审批流程长", deadline(31, null, "2027-06-30", "审批流程长")));
        // Blockers
        rows.add(row("#31 困难 资金缺口2亿元", blocker(31, "资金缺口2亿元")));
        rows.add(row("#31 重大事项:征地拆迁受阻", blocker(31, "征地拆迁受阻")));
        rows.add(row("#31 问题 审批卡在自治区层面", blocker(31, "审批卡在自治区层面")));
        rows.add(row("#31 阻塞 等待上级批复", blocker(31, "等待上级批复")));
        rows.add(row("#31 遇到困难:配套资金到位率仅60%", blocker(31, "配套资金到位率仅60%")));
        rows.add(row("#31 存在问题 施工许可迟迟未办", blocker(31, "施工许可迟迟未办")));
        rows.add(row("31号 风险 原材料价格上涨", blocker(31, "原材料价格上涨")));
        rows.add(row("#31 重大问题,需协调自然资源厅", blocker(31, "需协调自然资源厅")));
        // Acknowledge
        rows.add(row("收到 #31", new AcknowledgeReply(CommitmentRef.item(31))));
        rows.add(row("收到#31", new AcknowledgeReply(CommitmentRef.item(31))));
        rows.add(row("#31 收到", new AcknowledgeReply(CommitmentRef.item(31))));
        rows.add(row("已收到 #31。", new AcknowledgeReply(CommitmentRef.item(31))));
        rows.add(row("#31 知悉", new AcknowledgeReply(CommitmentRef.item(31))));
        // List and help
        rows.add(row("我的承诺", new ListMineReply()));
        rows.add(row("我的任务", new ListMineReply()));
        rows.add(row("列表", new ListMineReply()));
        rows.add(row("查询", new ListMineReply()));
        rows.add(row(" 我的承诺? ", new ListMineReply()));
        rows.add(row("帮助", new HelpReply()));
        rows.add(row("?", new HelpReply()));
        rows.add(row("help", new HelpReply()));
        rows.add(row("HELP", new HelpReply()));
        rows.add(row("", new HelpReply()));
        rows.add(row("   ", new HelpReply()));
        rows.add(row("@督办助手 帮助", new HelpReply()));
        return rows;
    }

    static Stream<Arguments> asTyped() {
        return table().stream();
    }

    static Stream<Arguments> fullWidth() {
        return table().stream().map(a -> variant(a, ReplyGrammarTableTest::toFullWidth, "full-width"));
    }

    static Stream<Arguments> withInvisibles() {
        return table().stream().map(a -> variant(a, ReplyGrammarTableTest::sprinkleInvisibles, "invisibles"));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("asTyped")
    void reads_the_reply_as_typed(String message, Reply expected) {
        assertThat(ReplyGrammar.interpret(message)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("fullWidth")
    void reads_the_full_width_variant_the_same_way(String message, Reply expected) {
        assertThat(ReplyGrammar.interpret(message)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("withInvisibles")
    void ignores_zero_width_and_direction_marks(String message, Reply expected) {
        assertThat(ReplyGrammar.interpret(message)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("handTypedFullWidth")
    void reads_hand_typed_full_width_replies(String message, Reply expected) {
        assertThat(ReplyGrammar.interpret(message)).isEqualTo(expected);
    }

    static Stream<Arguments> handTypedFullWidth() {
        return Stream.of(
                Arguments.of("＃３１ 进度８０％", progress(31, 80, "")),
                Arguments.of("＃３１　进度　８０％　完成可研批复。", progress(31, 80, "完成可研批复.")),
                Arguments.of("第３１项：进展６０％，主体完工", progress(31, 60, "主体完工")),
                Arguments.of("＃３１ Ｍ２ 延期至 ２０２７／６／３０ 原因：审批流程长", deadline(31, "M2", "2027-06-30", "审批流程长")),
                Arguments.of("＃３１ 困难：资金缺口２亿元", blocker(31, "资金缺口2亿元")),
                Arguments.of("收到＃３１", new AcknowledgeReply(CommitmentRef.item(31))),
                Arguments.of("？", new HelpReply()));
    }

    static Arguments row(String message, Reply expected) {
        return Arguments.of(message, expected);
    }

    private static Arguments variant(Arguments original, java.util.function.UnaryOperator<String> change, String label) {
        String message = (String) original.get()[0];
        return Arguments.of(Named.of(label + ": " + message, change.apply(message)), original.get()[1]);
    }

    static ReportProgressReply progress(int item, int percent, String note) {
        return new ReportProgressReply(CommitmentRef.item(item), percent, note);
    }

    static ReportCompletionReply completion(int item, String summary) {
        return new ReportCompletionReply(CommitmentRef.item(item), summary);
    }

    static RequestDeadlineChangeReply deadline(int item, String milestone, String date, String reason) {
        return new RequestDeadlineChangeReply(CommitmentRef.item(item), milestone, LocalDate.parse(date), reason, false);
    }

    static RaiseBlockerReply blocker(int item, String summary) {
        return new RaiseBlockerReply(CommitmentRef.item(item), summary);
    }

    /** ASCII '!'..'~' to U+FF01..U+FF5E and space to the ideographic space, as a full-width IME types them. */
    static String toFullWidth(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            if (c >= '!' && c <= '~') {
                out.append((char) (c + 0xFEE0));
            } else if (c == ' ') {
                out.append('\u3000');
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    private static final String[] INVISIBLES = {"\u200B", "\u200E", "\u200F", "\uFEFF", "\u200D", "\u2060"};

    static String sprinkleInvisibles(String text) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < text.length(); i++) {
            out.append(text.charAt(i)).append(INVISIBLES[i % INVISIBLES.length]);
        }
        return out.toString();
    }
}
