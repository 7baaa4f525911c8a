package io.duban.query;

import java.util.List;

/**
 * The processing groups of the read side: one per view, each served by its own streaming (tracking) processor whose
 * name equals the group name. Tune them with {@code axon.eventhandling.processors.<name>.batch-size} and friends.
 */
public final class ProcessingGroups {

    public static final String POLICIES = "policies-view";
    public static final String ITEMS = "items-view";
    public static final String UNITS = "units-view";
    public static final String COMMITMENTS = "commitments-view";
    public static final String TIMELINE = "timeline-view";
    public static final String OFFICIALS = "officials-view";
    public static final String DISPATCH_ROUNDS = "dispatch-rounds-view";
    public static final String SCORECARD = "scorecard-view";
    public static final String OVERDUE_HISTORY = "overdue-history-view";
    public static final String BOARD_ROWS = "board-rows-view";

    public static final List<String> ALL = List.of(POLICIES, ITEMS, UNITS, COMMITMENTS, TIMELINE, OFFICIALS,
            DISPATCH_ROUNDS, SCORECARD, OVERDUE_HISTORY, BOARD_ROWS);

    private ProcessingGroups() {
    }
}
