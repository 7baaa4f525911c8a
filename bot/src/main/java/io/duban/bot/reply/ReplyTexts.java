package io.duban.bot.reply;

import java.time.LocalDate;

import java.util.Set;
import java.util.stream.Collectors;

/**
 * Everything the bot says back about the reply format, in Chinese. Each not-understood answer names the problem and
 * shows a message that would have worked, using the official's own reference when the bot recognised one, so the
 * fix is a copy and an edit away.
 */
public final class ReplyTexts {

    private static final String DEFAULT_REF = "#31";
    private static final int MAX_QUOTE = 40;

    private ReplyTexts() {
    }

    public static String help() {
        return """
                督办助手可以这样回复（把 #31 换成提醒消息里的编号）：
                · 报告进度：#31 进度 80% 完成可研批复
                · 报告完成：#31 已完成 补助已拨付
                · 申请延期：#31 延期 2027-06-30 原因：审批流程长
                  （某个节点延期：#31 M2 延期至 2027-06-30 原因：……）
                · 反映困难：#31 困难 资金缺口2亿元
                · 确认收到：收到 #31
                · 查看我的承诺：我的承诺
                其他政策的事项写成 #政策代号/序号，例如 #nzf-2023-1/31。
                回复“帮助”可随时看到本说明。""";
    }

    static String tooLong(int length, int max) {
        return "消息太长了（" + length + " 字，最多 " + max + " 字）。请分几条简短回复，例如：\n"
                + DEFAULT_REF + " 进度 80% 完成可研批复";
    }

    static String disguised() {
        return "消息里有看不见的控制字符或改变文字方向的字符，显示出来的内容可能与实际内容不同，未记录。请直接重新输入，例如：\n"
                + DEFAULT_REF + " 进度 80% 完成可研批复";
    }

    static String notUnderstood(String normalized) {
        return "没能看懂“" + quote(normalized) + "”。\n" + help();
    }

    static String whatToDo(String ref) {
        return "请问要对 " + ref + " 做什么？可以这样回复：\n" + examples(ref);
    }

    static String missingRef() {
        return "请写明是哪一项承诺：提醒消息里有编号，例如 " + DEFAULT_REF + "。\n" + examples(DEFAULT_REF);
    }

    static String badRef(String raw) {
        return "“" + raw + "”不是有效的编号。编号写成 #31（事项序号）；其他政策的事项写成 #nzf-2023-1/31。";
    }

    static String twoRefs(Set<String> refs) {
        return "一条消息里出现了几个编号（" + String.join("、", refs) + "），一次只能回复一项承诺，请分开发送。";
    }

    static String repeatedRef(String ref) {
        return "编号 " + ref + " 在消息里出现了不止一次，像是几条回复连在了一起。请一条消息只说一件事，分开发送。";
    }

    static String progressOrCompletion(String ref) {
        return "请问是报告进度，还是报告已全部完成？请二选一回复，例如：\n"
                + ref + " 进度 80% 完成可研批复\n"
                + ref + " 已完成 补助已拨付";
    }

    static String twoIntents(Set<Intent> intents, String ref) {
        String labels = intents.stream().map(Intent::label).collect(Collectors.joining("”和“"));
        return "一条消息里同时有“" + labels + "”，请一次只说一件事，分开发送。\n" + examples(ref);
    }

    static String missingPercent(String ref) {
        return "请写明总体进度的百分比，例如：\n" + ref + " 进度 80% 完成可研批复";
    }

    static String twoPercents(String ref) {
        return "消息里有不止一个百分比，不确定哪个是总体进度。请只写一个，说明里的比例请用文字，例如：\n"
                + ref + " 进度 80% 资金到位六成";
    }

    static String percentNotInteger(String raw, String ref) {
        return "进度请写整数百分比，“" + raw + "”有小数。例如：" + ref + " 进度 80%";
    }

    static String percentOutOfRange(String raw) {
        return "进度应在 0% 到 100% 之间，“" + raw + "”超出了范围。";
    }

    static String missingDate(String ref) {
        return "请在“延期”后面写明新的完成日期，例如：\n" + ref + " 延期 2027-06-30 原因：审批流程长";
    }

    static String impossibleDate(String raw) {
        return "“" + raw + "”不是有效日期，请检查后重新发送，例如 2027-06-30。";
    }

    static String incompleteDate(String raw) {
        return "日期“" + raw + "”不完整，请写明年、月、日，例如 2027-06-30 或 2027年6月30日。";
    }

    static String dateOutOfRange(String raw) {
        return "日期“" + raw + "”不在合理范围内，请检查年份，例如 2027-06-30。";
    }

    static String twoDates(String ref) {
        return "消息里有不止一个日期，不确定要延期到哪一天。请只写一个新日期，例如：\n"
                + ref + " 延期 2027-06-30 原因：审批流程长";
    }

    static String twoMilestones(String ref) {
        return "一次只能为一个节点申请延期，例如：" + ref + " M2 延期至 2027-06-30 原因：审批流程长";
    }

    static String missingReason(String ref, String date) {
        return "申请延期请写明原因，例如：\n" + ref + " 延期 " + date + " 原因：审批流程长";
    }

    static String missingBlocker(String ref) {
        return "请写明遇到的困难或问题，例如：\n" + ref + " 困难 资金缺口2亿元";
    }

    static String acknowledgeOnly(String ref) {
        return "如果只是确认收到，请回复“收到 " + ref + "”。如需汇报情况，请用：\n"
                + ref + " 进度 80% 说明\n" + ref + " 困难 说明";
    }

    static String unexpected(String what, Intent intent, String ref) {
        return switch (intent) {
            case PROGRESS -> "报告进度时不需要写“" + what + "”，目前只汇报整项承诺的总体进度，例如：\n"
                    + ref + " 进度 80% 完成可研批复";
            case COMPLETION -> "报告完成时不需要写“" + what + "”，例如：\n" + ref + " 已完成 补助已拨付";
            case DEADLINE_CHANGE -> "申请延期时不需要写“" + what + "”，例如：\n" + ref + " 延期 2027-06-30 原因：审批流程长";
            case DEADLINE_ADVANCE -> "申请提前时不需要写“" + what + "”，例如：\n" + ref + " 提前至 2026-06-30 原因：提前完工";
            case BLOCKER -> "反映困难时请把“" + what + "”写进说明文字里，例如：\n" + ref + " 困难 资金缺口2亿元";
            case ACKNOWLEDGE -> acknowledgeOnly(ref);
        };
    }

    /** "延期" to a date before the current one (or "提前" to a later one): ask which is meant, record nothing. */
    public static String wrongDirection(String ref, String target, LocalDate current, LocalDate requested, boolean advance) {
        if (advance) {
            return "未记录：" + target + "当前截止日期为 " + current + "，申请的 " + requested + " 晚于它，这是延期而不是提前。"
                    + "如确需延期，请回复：\n" + ref + " 延期 " + requested + " 原因：……";
        }
        return "未记录：" + target + "当前截止日期为 " + current + "，申请的 " + requested + " 早于它，这是提前而不是延期。"
                + "如确需提前，请回复：\n" + ref + " 提前至 " + requested + " 原因：……";
    }

    static String question(String ref) {
        return "看起来这是一个问题。督办助手只能记录汇报，有疑问请联系督办室。\n" + examples(ref);
    }

    private static String examples(String ref) {
        return ref + " 进度 80% 完成可研批复\n"
                + ref + " 已完成 补助已拨付\n"
                + ref + " 延期 2027-06-30 原因：审批流程长\n"
                + ref + " 困难 资金缺口2亿元\n"
                + "回复“帮助”查看全部用法。";
    }

    private static String quote(String text) {
        return Excerpt.of(text, MAX_QUOTE);
    }
}
