package io.duban.command.catalog;

import io.duban.command.api.ResponsibleUnit;

/**
 * A responsible unit of a previewed item.
 *
 * @param unitId        the id it will be recorded under
 * @param name          its canonical name
 * @param writtenAs     how the document (or the office's correction) spelled it
 * @param coResponsible made responsible by the note under the table rather than by the row
 * @param known         whether the unit list knows the body; false: a new unit
 * @param kind          the list's kind of body (组成部门, 中央驻区单位, …); null when unknown
 */
public record DraftUnit(String unitId, String name, String writtenAs, boolean coResponsible, boolean known,
                        String kind) {

    static DraftUnit of(UnitName unit, boolean coResponsible) {
        return new DraftUnit(ResponsibleUnit.idFor(unit.canonicalName()), unit.canonicalName(), unit.writtenAs(),
                coResponsible, unit.known(), unit.known() ? unit.kind().label() : null);
    }

    ResponsibleUnit responsibleUnit() {
        return new ResponsibleUnit(unitId, name, coResponsible);
    }
}
