package io.duban.bot.ledger;

import io.duban.command.api.ProgressFigure;
import java.time.LocalDate;
import java.util.List;

/** What the bot knows of one commitment: enough to word an alert and to answer "我的承诺". */
public record LedgerEntry(String commitmentId, String policyId, int itemNumber, String unitId, String unitName,
                          String responsibleName, String status, int progress, LocalDate dueDate,
                          List<LedgerMilestone> milestones) {

    public LedgerEntry {
        milestones = milestones == null ? List.of() : List.copyOf(milestones);
    }

    public record LedgerMilestone(String milestoneId, String title, LocalDate dueDate, boolean completed) {
    }

    /** The progress to show: {@link ProgressFigure}, 100 once verified. */
    public int shownProgress() {
        return ProgressFigure.shown(progress, "VERIFIED".equals(status));
    }

    public String milestoneTitle(String milestoneId) {
        return milestones.stream().filter(m -> m.milestoneId().equals(milestoneId)).map(LedgerMilestone::title)
                .findFirst().orElse(milestoneId);
    }
}
