package io.duban.bot;

/** The bot's own tracking processors. None of them is part of the view rebuild: resetting them re-sends nothing. */
public final class BotProcessingGroups {

    /** Who may act for which unit, from OfficialAppointed/OfficialRemoved. */
    public static final String DIRECTORY = "bot-directory";
    /** What the bot needs to know of each commitment to word alerts and resolve "#31". */
    public static final String LEDGER = "bot-ledger";
    /** Events that deserve a DingTalk message, turned into outbox entries. */
    public static final String ALERTS = "dingtalk-alerts";

    public static final java.util.List<String> ALL = java.util.List.of(DIRECTORY, LEDGER, ALERTS);

    private BotProcessingGroups() {
    }
}
