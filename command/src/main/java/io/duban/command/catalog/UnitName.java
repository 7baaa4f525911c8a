package io.duban.command.catalog;

/**
 * A unit as a 责任单位 cell named it, and the name it is imported under.
 *
 * @param canonicalName the name the unit is recorded under (its id is derived from it)
 * @param writtenAs     the spelling in the cell, whitespace removed
 * @param kind          the kind of body, when the unit list knows it; otherwise null
 */
public record UnitName(String canonicalName, String writtenAs, UnitKind kind) {

    public static UnitName known(KnownUnit unit, String writtenAs) {
        return new UnitName(unit.canonicalName(), writtenAs, unit.kind());
    }

    public static UnitName unknown(String canonicalName, String writtenAs) {
        return new UnitName(canonicalName, writtenAs, null);
    }

    /** Whether the unit list knows the body; an unknown one becomes a new unit and the preview warns of it. */
    public boolean known() {
        return kind != null;
    }
}
