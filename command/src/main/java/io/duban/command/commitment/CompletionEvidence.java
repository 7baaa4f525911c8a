package io.duban.command.commitment;

import io.duban.command.api.ClaimCompletion;
import io.duban.command.api.CommandRefusedException;
import io.duban.command.api.CommitmentRegistered;
import io.duban.command.api.evidence.CompletionEvidenceWaived;
import io.duban.command.api.evidence.WaiveCompletionEvidence;
import io.duban.command.input.TextInput;
import org.axonframework.eventsourcing.EventSourcingHandler;

/**
 * No completion without proof: a completion claim must carry 佐证材料 unless the office waived that for this
 * commitment (a recorded decision with its reason). An aggregate member of {@link Commitment}: the {@code check}
 * methods hold the rules, the event-sourcing handlers only assign.
 */
class CompletionEvidence {

    private String commitmentId;
    private boolean waived;

    CompletionEvidenceWaived check(WaiveCompletionEvidence command) {
        if (waived) {
            throw CommandRefusedException.ruleViolated("evidence.already-waived",
                    "办公室已同意该承诺免附佐证材料申请办结。");
        }
        return new CompletionEvidenceWaived(commitmentId,
                TextInput.required(command.reason(), "免附佐证材料的理由", 1000), command.actor());
    }

    void check(ClaimCompletion command) {
        if (command.evidence().isEmpty() && !waived) {
            throw CommandRefusedException.ruleViolated("completion.evidence-required",
                    "申请办结须附佐证材料（如验收报告、拨付凭证、照片）；确无材料的，须领导小组办公室先同意免附。");
        }
    }

    @EventSourcingHandler
    void on(CommitmentRegistered event) {
        commitmentId = event.commitmentId();
    }

    @EventSourcingHandler
    void on(CompletionEvidenceWaived event) {
        waived = true;
    }
}
