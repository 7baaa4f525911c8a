package io.duban.query.api.board;

import io.duban.query.api.catalog.ItemView;
import io.duban.query.api.light.Light;

import java.util.List;

/** A support item on the item board: its units, its commitments in brief, overall progress and light. */
public record ItemBoardEntry(ItemView item, ItemProgress progress, Light light, List<CommitmentSummary> commitments) {
}
