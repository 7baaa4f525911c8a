package io.duban.query.light;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Traffic-light settings.
 *
 * @param dueSoonDays         {@code duban.board.due-soon-days}: a milestone or final due date this many days ahead
 *                            (or fewer) turns the light YELLOW
 * @param behindPlanTolerance {@code duban.board.behind-plan-tolerance}: percentage points the reported progress may
 *                            lag the linear plan between start and due date before the light turns YELLOW
 */
@ConfigurationProperties("duban.board")
public record BoardProperties(@DefaultValue("14") int dueSoonDays, @DefaultValue("10") int behindPlanTolerance) {

    public BoardProperties {
        if (dueSoonDays < 0 || behindPlanTolerance < 0) {
            throw new IllegalArgumentException("duban.board.due-soon-days and behind-plan-tolerance must not be negative");
        }
    }
}
