package io.duban.bot.inbound;

import io.duban.query.api.commitment.CommitmentView;

import java.util.Optional;

/** The commitment a reply is about: its id, the reference to show, and the unit's name from the directory. */
record ReplyTarget(String commitmentId, String ref, String unitName) {

    /** The unit's name as the commitment was registered when the read side knows it, else the directory's. */
    String unitName(Optional<CommitmentView> known) {
        return known.map(CommitmentView::unitName).filter(n -> n != null && !n.isBlank()).orElse(unitName);
    }
}
