package io.duban.command.commitment;

import io.duban.command.api.CommandRefusedException;
import io.duban.command.api.CommitmentStatus;
import io.duban.command.api.ProgressReported;
import io.duban.command.api.ReportProgress;
import io.duban.command.input.TextInput;

/** The rules of a progress report: not once verified, 0–100, and lowering the figure needs a reason (it is read by inspectors later). */
final class ProgressReports {

    private ProgressReports() {
    }

    static ProgressReported check(String commitmentId, ReportProgress command, int progress, CommitmentStatus status) {
        if (status == CommitmentStatus.VERIFIED) {
            throw CommandRefusedException.ruleViolated("commitment.verified",
                    "该承诺已办结销号，不能再报告进度；如需继续，请办公室先退回。");
        }
        if (command.percent() < 0 || command.percent() > 100) {
            throw CommandRefusedException.invalid("progress.out-of-range", "进度须在 0 到 100 之间。");
        }
        String note = TextInput.optional(command.note(), "进度说明", 2000);
        String reason = TextInput.optional(command.reasonForDecrease(), "进度下调原因", 1000);
        if (command.percent() < progress && reason == null) {
            throw CommandRefusedException.ruleViolated("progress.decrease-needs-reason",
                    "进度由 " + progress + "% 下调为 " + command.percent() + "% 须说明原因。");
        }
        return new ProgressReported(commitmentId, command.percent(), progress, note,
                command.percent() < progress ? reason : null, command.actor());
    }
}
