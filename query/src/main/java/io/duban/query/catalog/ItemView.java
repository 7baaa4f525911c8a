package io.duban.query.catalog;

import org.bson.Document;

import java.util.List;

/** One support item (a row of the appendix), as the {@code items} view holds it. */
public record ItemView(String policyId, int number, String text, String article, String articleTitle,
                       List<UnitRef> units, List<TargetView> targets) {

    static ItemView from(Document d) {
        return new ItemView(d.getString("policyId"), d.getInteger("number"), d.getString("text"),
                d.getString("article"), d.getString("articleTitle"),
                d.getList("units", Document.class, List.of()).stream().map(u -> UnitRef.from(u, false)).toList(),
                d.getList("targets", Document.class, List.of()).stream().map(TargetView::from).toList());
    }

    public ItemRef ref() {
        return new ItemRef(policyId, number);
    }

    /** The units listed in the item's own row, without the co-responsible ones. */
    public List<UnitRef> ownUnits() {
        return units.stream().filter(unit -> !unit.coResponsible()).toList();
    }
}
