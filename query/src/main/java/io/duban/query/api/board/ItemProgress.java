package io.duban.query.api.board;

import io.duban.query.api.catalog.ItemView;
import io.duban.query.api.catalog.UnitRef;
import io.duban.query.api.commitment.CommitmentView;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * An item's overall progress: the average effective progress of the units in the item's own row (the co-responsible
 * units are left out), a unit without a commitment counting as 0, rounded to one decimal.
 *
 * @param overallProgress   0.0–100.0
 * @param registeredUnits   own units that registered a commitment
 * @param unregisteredUnits own units that did not
 * @param unregistered      those units
 */
public record ItemProgress(double overallProgress, int registeredUnits, int unregisteredUnits, List<UnitRef> unregistered) {

    public static ItemProgress of(ItemView item, List<CommitmentView> commitments) {
        List<UnitRef> own = item.ownUnits().isEmpty() ? item.units() : item.ownUnits();
        Map<String, CommitmentView> byUnit = commitments.stream()
                .collect(Collectors.toMap(CommitmentView::unitId, Function.identity(), (a, b) -> a));
        List<UnitRef> unregistered = own.stream().filter(unit -> !byUnit.containsKey(unit.unitId())).toList();
        int sum = own.stream()
                .map(unit -> byUnit.get(unit.unitId()))
                .mapToInt(c -> c == null ? 0 : c.progress())
                .sum();
        double average = own.isEmpty() ? 0.0
                : BigDecimal.valueOf(sum).divide(BigDecimal.valueOf(own.size()), 1, RoundingMode.HALF_UP).doubleValue();
        return new ItemProgress(average, own.size() - unregistered.size(), unregistered.size(), unregistered);
    }
}
