package io.duban.command.api;

/** Through which channel a change reached Duban; shown on every timeline entry. */
public enum Channel {
    WEB,
    DINGTALK,
    SCHEDULE,
    SYSTEM
}
