package io.duban.query.api.board;

import io.duban.query.api.catalog.ItemView;
import io.duban.query.api.light.Light;

import java.util.List;

/** One support item with its commitments in full. */
public record ItemDetail(ItemView item, ItemProgress progress, Light light, List<CommitmentDetail> commitments) {
}
