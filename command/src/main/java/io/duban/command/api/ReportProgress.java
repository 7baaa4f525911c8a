package io.duban.command.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.List;

/** Report overall progress (0–100). Lowering it requires a reason. {@code evidence}: 佐证材料, may be empty. */
public record ReportProgress(@TargetAggregateIdentifier String commitmentId, int percent, String note, String reasonForDecrease,
                             Actor actor, List<UploadedFile> evidence) {

    public ReportProgress {
        evidence = evidence == null ? List.of() : List.copyOf(evidence);
    }

    public ReportProgress(String commitmentId, int percent, String note, String reasonForDecrease, Actor actor) {
        this(commitmentId, percent, note, reasonForDecrease, actor, List.of());
    }
}
