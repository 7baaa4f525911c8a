package io.duban.bot;

/**
 * The bot's own tracking processors. None of them is part of the view rebuild: resetting them re-sends nothing. The
 * bot keeps no copy of the read side: what it needs to know it asks through queries ({@code io.duban.query.api}).
 */
public final class BotProcessingGroups {

    /** Events that deserve a DingTalk message, turned into outbox entries. */
    public static final String ALERTS = "dingtalk-alerts";

    public static final java.util.List<String> ALL = java.util.List.of(ALERTS);

    private BotProcessingGroups() {
    }
}
