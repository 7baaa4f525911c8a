package io.duban.command.commitment;

import io.duban.command.api.Actor;
import io.duban.command.api.CommandRefusedException;

/** Who may act on a commitment: its unit, the office, or either. Refusals are 403 problems with these codes. */
final class Permissions {

    private Permissions() {
    }

    static void requireOwnUnit(Actor actor, String unitId) {
        if (actor == null || !actor.actsFor(unitId)) {
            throw CommandRefusedException.notPermitted("commitment.not-your-unit",
                    "只能操作本单位的承诺：您不代表该责任单位。");
        }
    }

    static void requireUnitOrOffice(Actor actor, String unitId, String message) {
        if (actor == null || !(actor.actsFor(unitId) || actor.isOffice())) {
            throw CommandRefusedException.notPermitted("commitment.not-your-unit", message);
        }
    }

    static void requireOffice(Actor actor, String what) {
        if (actor == null || !actor.isOffice()) {
            throw CommandRefusedException.notPermitted("commitment.office-only", "只有领导小组办公室可以" + what + "。");
        }
    }
}
