package io.duban.query.escalation;

import io.duban.command.api.calendar.WorkingCalendar;
import io.duban.query.api.escalation.FindEscalations;
import io.duban.query.api.escalation.EscalationEntry;
import io.duban.query.catalog.CatalogReader;
import io.duban.query.api.catalog.ItemRef;
import io.duban.query.api.catalog.ItemView;
import io.duban.query.commitment.CommitmentReader;
import io.duban.query.api.commitment.CommitmentView;
import io.duban.query.api.commitment.CommitmentView.EscalationView;
import io.duban.query.api.commitment.CommitmentView.MilestoneView;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Answers {@link FindEscalations} from the commitments view's escalation cases; the days overdue are counted at read
 * time with the injected clock (its date in its zone is "today") and, when the application supplies one, the
 * {@link WorkingCalendar} (the one the deadlines are counted in).
 */
@Component
public class EscalationQueries {

    static final String FINAL_DUE_DATE = "最终完成期限";

    /** Highest level first, then the earliest due date. */
    public static final Comparator<EscalationEntry> ORDER = Comparator.comparingInt(EscalationEntry::level).reversed()
            .thenComparing(EscalationEntry::dueDate, Comparator.nullsLast(Comparator.naturalOrder()))
            .thenComparing(EscalationEntry::commitmentId)
            .thenComparing(EscalationEntry::milestoneId, Comparator.nullsFirst(Comparator.naturalOrder()));

    private final CommitmentReader commitments;
    private final CatalogReader catalog;
    private final Clock clock;
    private final WorkingCalendar calendar;

    @Autowired
    public EscalationQueries(CommitmentReader commitments, CatalogReader catalog, Clock clock,
                             ObjectProvider<WorkingCalendar> calendar) {
        this(commitments, catalog, clock, calendar.getIfAvailable());
    }

    EscalationQueries(CommitmentReader commitments, CatalogReader catalog, Clock clock, WorkingCalendar calendar) {
        this.commitments = commitments;
        this.catalog = catalog;
        this.clock = clock;
        this.calendar = calendar;
    }

    @QueryHandler
    public List<EscalationEntry> handle(FindEscalations query) {
        List<EscalationEntry> entries = entries(commitments.withOpenEscalations(query.unitId()));
        entries.sort(ORDER);
        return entries;
    }

    /** The open cases of the given commitments as {@link FindEscalations} lists them, in no particular order. */
    public List<EscalationEntry> entries(List<CommitmentView> found) {
        LocalDate today = LocalDate.now(clock);
        Map<ItemRef, String> itemTexts = catalog.items(found.stream()
                        .map(c -> new ItemRef(c.policyId(), c.itemNumber())).distinct().toList()).stream()
                .collect(Collectors.toMap(ItemView::ref, ItemView::text, (a, b) -> a));
        List<EscalationEntry> entries = new ArrayList<>();
        for (CommitmentView commitment : found) {
            Map<String, MilestoneView> milestones = commitment.milestones().stream()
                    .collect(Collectors.toMap(MilestoneView::milestoneId, Function.identity(), (a, b) -> a));
            for (EscalationView escalation : commitment.openEscalations()) {
                MilestoneView milestone = escalation.milestoneId() == null ? null
                        : milestones.get(escalation.milestoneId());
                entries.add(new EscalationEntry(commitment.commitmentId(), commitment.policyId(),
                        commitment.itemNumber(), itemTexts.get(new ItemRef(commitment.policyId(), commitment.itemNumber())),
                        commitment.unitId(), commitment.unitName(), escalation.milestoneId(),
                        escalation.milestoneId() == null ? FINAL_DUE_DATE : milestone == null ? null : milestone.title(),
                        escalation.dueDate(), escalation.level(), escalation.since(), escalation.levelSince(),
                        escalation.paused(), escalation.pausedAt(), escalation.pauseReason(), escalation.ladder(),
                        workingDaysOverdue(escalation.dueDate(), today), calendarDaysOverdue(escalation.dueDate(), today)));
            }
        }
        return entries;
    }

    private static long calendarDaysOverdue(LocalDate dueDate, LocalDate today) {
        return dueDate == null ? 0 : Math.max(0, ChronoUnit.DAYS.between(dueDate, today));
    }

    /** The working days strictly between the due date and today: 3 on the day the default ladder reaches level 2. */
    private Integer workingDaysOverdue(LocalDate dueDate, LocalDate today) {
        if (calendar == null || dueDate == null) {
            return null;
        }
        int count = 0;
        for (LocalDate day = dueDate.plusDays(1); day.isBefore(today); day = day.plusDays(1)) {
            if (calendar.isWorkingDay(day)) {
                count++;
            }
        }
        return count;
    }
}
