package io.duban.command.api;

import java.util.List;

/**
 * The commitments not verified yet (registered, not 办结/销号), as the event store knows them at the moment of the
 * call: which commitments a dispatch round lists or a unit's 催办 reaches must not depend on how far the views are.
 * Ids are in ascending order.
 */
public interface OpenCommitments {

    /** Every open commitment. */
    List<String> all();

    /** The open commitments of one unit (empty for a unit with none, and for an unknown unit). */
    List<String> ofUnit(String unitId);

    /** Whether an imported policy lists the unit as responsible for an item, or the unit has a commitment. */
    boolean isKnownUnit(String unitId);
}
