package io.duban.command.api;

/** How a target stated in an item's text recurs. */
public enum TargetKind {
    /** Must be reached by the end of {@code dueYear} (e.g. 确保2023年建成投用). */
    DEADLINE,
    /** Repeats every year, from {@code firstYear} to {@code lastYear} when the text bounds it (e.g. 今后5年每年…). */
    ANNUAL
}
