package io.duban.command.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Report overall progress (0–100). Lowering it requires a reason. */
public record ReportProgress(@TargetAggregateIdentifier String commitmentId, int percent, String note, String reasonForDecrease, Actor actor) {
}
