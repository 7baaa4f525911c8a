package io.duban.bot.reply;

/** The action a verb in a reply asks for; a reply with verbs of two intents is ambiguous. */
enum Intent {
    PROGRESS("报告进度"),
    COMPLETION("报告完成"),
    DEADLINE_CHANGE("申请延期"),
    /** "提前至 …": a deadline change to an earlier date, said so explicitly. */
    DEADLINE_ADVANCE("申请提前"),
    BLOCKER("反映困难"),
    ACKNOWLEDGE("确认收到");

    private final String label;

    Intent(String label) {
        this.label = label;
    }

    String label() {
        return label;
    }
}
