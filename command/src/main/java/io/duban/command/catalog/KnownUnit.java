package io.duban.command.catalog;

import java.util.List;

/**
 * One body of the unit list.
 *
 * @param canonicalName the name every document's spelling is mapped to; the unit id is derived from it
 * @param kind          what kind of body it is
 * @param aliases       the other spellings documents use (full name, former name, short forms)
 */
public record KnownUnit(String canonicalName, UnitKind kind, List<String> aliases) {

    public KnownUnit {
        aliases = List.copyOf(aliases);
    }
}
