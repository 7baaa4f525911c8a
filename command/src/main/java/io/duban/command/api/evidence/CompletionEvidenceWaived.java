package io.duban.command.api.evidence;

import io.duban.command.api.Actor;

/** The office allowed the commitment to claim completion without 佐证材料, for the reason given. */
public record CompletionEvidenceWaived(String commitmentId, String reason, Actor actor) {
}
