package io.duban.query.board;

import io.duban.query.catalog.ItemView;
import io.duban.query.light.Light;

import java.util.List;

/** One support item with its commitments in full. */
public record ItemDetail(ItemView item, ItemProgress progress, Light light, List<CommitmentDetail> commitments) {
}
