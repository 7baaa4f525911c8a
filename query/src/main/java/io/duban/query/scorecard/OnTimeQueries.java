package io.duban.query.scorecard;

import io.duban.query.api.catalog.UnitView;
import io.duban.query.api.scorecard.FindOnTimeRates;
import io.duban.query.api.scorecard.OnTimeRates;
import io.duban.query.api.scorecard.OnTimeRates.UnitOnTime;
import io.duban.query.catalog.CatalogReader;
import io.duban.query.commitment.BoardEntries;
import io.duban.query.commitment.BoardEntry;
import io.duban.query.commitment.BoardRowReader;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Answers {@link FindOnTimeRates} from the units' board digests (one read by {@code _id}), with the scorecard's
 * {@link MilestoneTally}: the same figures as {@code FindScorecard}'s milestone columns, a test holds them equal.
 */
@Component
public class OnTimeQueries {

    private final BoardRowReader rows;
    private final CatalogReader catalog;
    private final Clock clock;

    public OnTimeQueries(BoardRowReader rows, CatalogReader catalog, Clock clock) {
        this.rows = rows;
        this.catalog = catalog;
        this.clock = clock;
    }

    @QueryHandler
    public OnTimeRates handle(FindOnTimeRates query) {
        LocalDate today = LocalDate.now(clock);
        List<UnitView> units = catalog.units();
        BoardEntries entries = rows.entries(units.stream().map(UnitView::unitId).toList());
        Map<String, MilestoneTally> byUnit = new HashMap<>();
        for (BoardEntry entry : entries.entries()) {
            MilestoneTally tally = byUnit.computeIfAbsent(entry.unitId(),
                    unit -> new MilestoneTally(query.from(), query.to(), today));
            entry.milestones().forEach(m -> tally.add(m.dueDate(),
                    m.completedAt() == null ? null : LocalDate.ofInstant(m.completedAt(), clock.getZone())));
        }
        List<UnitOnTime> rates = units.stream().filter(u -> byUnit.containsKey(u.unitId())).map(u -> {
            MilestoneTally t = byUnit.get(u.unitId());
            return new UnitOnTime(u.unitId(), u.name(), t.due(), t.onTime(), t.late(), t.overdue());
        }).toList();
        return new OnTimeRates(query.from(), query.to(), today, rates);
    }
}
