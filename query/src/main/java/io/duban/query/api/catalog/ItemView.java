package io.duban.query.api.catalog;

import java.util.List;

/** One support item (a row of the appendix), as the {@code items} view holds it. */
public record ItemView(String policyId, int number, String text, String article, String articleTitle,
                       List<UnitRef> units, List<TargetView> targets) {

    public ItemRef ref() {
        return new ItemRef(policyId, number);
    }

    /** The units listed in the item's own row, without the co-responsible ones. */
    public List<UnitRef> ownUnits() {
        return units.stream().filter(unit -> !unit.coResponsible()).toList();
    }
}
