package io.duban.command.commitment;

import io.duban.command.api.CommitmentId;
import io.duban.command.api.CommitmentRegistered;
import io.duban.command.api.Milestone;
import io.duban.command.api.MilestonePlan;
import io.duban.command.api.RegisterCommitment;
import io.duban.command.api.ResponsiblePerson;
import io.duban.command.api.SupportItem;
import io.duban.command.api.Target;
import io.duban.command.api.TargetKind;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;

import static io.duban.command.commitment.Fixtures.*;

/** Registration adds the milestones the item's own targets ask for (targets as the importer reads items 3, 31, 57). */
class TargetMilestonesTest {

    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    private static final SupportItem ITEM_31_WITH_TARGET = new SupportItem(31, ITEM_31.text(), ITEM_31.article(),
            ITEM_31.articleTitle(), ITEM_31.units(), List.of(new Target(TargetKind.ANNUAL, "每年补助呼和浩特市10亿元",
            null, 2023, null, new BigDecimal("10"), "亿元")));
    private static final SupportItem ITEM_57 = new SupportItem(57,
            "今后5年每年新增财力性补助资金30亿元，用于加强和改善城市基础设施", "（十八）", "强化财税金融保障",
            List.of(FINANCE), List.of(new Target(TargetKind.ANNUAL, "今后5年每年新增财力性补助资金30亿元", null, 2023,
            2027, new BigDecimal("30"), "亿元")));
    private static final SupportItem ITEM_3 = new SupportItem(3, "三方分别出资5亿元建设研发资金，确保2023年建成投用",
            "（一）", "建设“世界乳都”", List.of(FINANCE),
            List.of(new Target(TargetKind.DEADLINE, "确保2023年建成投用", 2023, null, null, null, null)));

    private AggregateTestFixture<Commitment> fixture;

    private final io.duban.command.evidence.InMemoryEvidenceStorage evidenceStorage =
            new io.duban.command.evidence.InMemoryEvidenceStorage();

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Commitment.class);
        fixture.registerInjectableResource(new InMemoryItemCatalog().with(POLICY, ITEM_31_WITH_TARGET)
                .with(POLICY, ITEM_57).with(POLICY, ITEM_3));
        fixture.registerInjectableResource(evidenceStorage.intake());
        fixture.registerInjectableResource(new Timekeeping(new FixtureClock(fixture, ZONE), new TestCalendar(),
                new SchedulePolicy(List.of(), List.of(), LocalTime.of(9, 0))));
    }

    @Test
    void an_annual_target_adds_the_years_milestone_numbered_with_the_roadmap() {
        fixture.givenNoPriorActivity()
                .when(register(FINANCE_OFFICIAL))
                .expectEvents(registeredWith(ID, 31, "先出台补贴办法，再按年度拨付", START, DUE, List.of(
                        new Milestone("M1", "出台补贴办法", M1_DUE),
                        new Milestone("M2", "拨付年度补助", M2_DUE),
                        new Milestone("Y2026", "2026年度：补助呼和浩特市10亿元", DUE))));
    }

    @Test
    void a_generated_milestone_dated_between_the_units_own_does_not_shift_their_ids() {
        // the README's registration: the unit's M2 falls after the generated 2026 milestone
        LocalDate due = LocalDate.of(2027, 12, 31);
        RegisterCommitment command = command(ID, 31, START, due, List.of(
                new MilestonePlan("拨付 2027 年度补助", LocalDate.of(2027, 6, 30)),
                new MilestonePlan("出台补贴办法", LocalDate.of(2026, 12, 20))));
        fixture.givenNoPriorActivity()
                .when(command)
                .expectEvents(registeredWith(ID, 31, START, due, List.of(
                        new Milestone("M1", "出台补贴办法", LocalDate.of(2026, 12, 20)),
                        new Milestone("Y2026", "2026年度：补助呼和浩特市10亿元", LocalDate.of(2026, 12, 31)),
                        new Milestone("M2", "拨付 2027 年度补助", LocalDate.of(2027, 6, 30)),
                        new Milestone("Y2027", "2027年度：补助呼和浩特市10亿元", due))));
    }

    @Test
    void a_year_the_roadmap_already_covers_with_the_amount_is_not_added_again() {
        RegisterCommitment command = command(ID, 31, START, DUE, List.of(
                new MilestonePlan("出台补贴办法", M1_DUE), new MilestonePlan("拨付2026年补助10亿元", M2_DUE)));
        fixture.givenNoPriorActivity()
                .when(command)
                .expectEvents(registeredWith(ID, 31, START, DUE, List.of(
                        new Milestone("M1", "出台补贴办法", M1_DUE),
                        new Milestone("M2", "拨付2026年补助10亿元", M2_DUE))));
    }

    @Test
    void a_bounded_annual_target_adds_one_milestone_per_year_inside_the_timetable_and_the_target() {
        String id = CommitmentId.of(POLICY, 57, FINANCE.unitId());
        LocalDate start = LocalDate.of(2024, 1, 1);
        LocalDate due = LocalDate.of(2028, 6, 30);
        fixture.givenNoPriorActivity()
                .when(command(id, 57, start, due, List.of(new MilestonePlan("制定资金分配方案", LocalDate.of(2024, 3, 31)))))
                .expectEvents(registeredWith(id, 57, start, due, List.of(
                        new Milestone("M1", "制定资金分配方案", LocalDate.of(2024, 3, 31)),
                        new Milestone("Y2024", "2024年度：新增财力性补助资金30亿元", LocalDate.of(2024, 12, 31)),
                        new Milestone("Y2025", "2025年度：新增财力性补助资金30亿元", LocalDate.of(2025, 12, 31)),
                        new Milestone("Y2026", "2026年度：新增财力性补助资金30亿元", LocalDate.of(2026, 12, 31)),
                        new Milestone("Y2027", "2027年度：新增财力性补助资金30亿元", LocalDate.of(2027, 12, 31)))));
    }

    @Test
    void the_last_years_milestone_is_due_with_the_timetable_when_that_ends_earlier() {
        String id = CommitmentId.of(POLICY, 57, FINANCE.unitId());
        LocalDate start = LocalDate.of(2027, 1, 1);
        LocalDate due = LocalDate.of(2027, 10, 31);
        fixture.givenNoPriorActivity()
                .when(command(id, 57, start, due, List.of(new MilestonePlan("制定方案", LocalDate.of(2027, 3, 31)))))
                .expectEvents(registeredWith(id, 57, start, due, List.of(
                        new Milestone("M1", "制定方案", LocalDate.of(2027, 3, 31)),
                        new Milestone("Y2027", "2027年度：新增财力性补助资金30亿元", due))));
    }

    @Test
    void a_deadline_target_inside_the_timetable_adds_a_year_end_milestone() {
        String id = CommitmentId.of(POLICY, 3, FINANCE.unitId());
        LocalDate start = LocalDate.of(2023, 3, 1);
        LocalDate due = LocalDate.of(2024, 6, 30);
        fixture.givenNoPriorActivity()
                .when(command(id, 3, start, due, List.of(new MilestonePlan("完成设计", LocalDate.of(2023, 6, 30)))))
                .expectEvents(registeredWith(id, 3, start, due, List.of(
                        new Milestone("M1", "完成设计", LocalDate.of(2023, 6, 30)),
                        new Milestone("Y2023", "2023年底前：确保2023年建成投用", LocalDate.of(2023, 12, 31)))));
    }

    @Test
    void a_deadline_target_outside_the_timetable_adds_nothing() {
        String id = CommitmentId.of(POLICY, 3, FINANCE.unitId());
        LocalDate start = LocalDate.of(2024, 1, 1);
        LocalDate due = LocalDate.of(2024, 6, 30);
        fixture.givenNoPriorActivity()
                .when(command(id, 3, start, due, List.of(new MilestonePlan("完成设计", LocalDate.of(2024, 6, 30)))))
                .expectEvents(registeredWith(id, 3, start, due, List.of(
                        new Milestone("M1", "完成设计", LocalDate.of(2024, 6, 30)))));
    }

    private static RegisterCommitment command(String id, int item, LocalDate start, LocalDate due,
                                              List<MilestonePlan> plans) {
        return new RegisterCommitment(id, POLICY, item, FINANCE.unitId(), new ResponsiblePerson("王五", "处长"),
                "路线图", start, due, plans, FINANCE_OFFICIAL);
    }

    private static CommitmentRegistered registeredWith(String id, int item, LocalDate start, LocalDate due,
                                                       List<Milestone> milestones) {
        return registeredWith(id, item, "路线图", start, due, milestones);
    }

    private static CommitmentRegistered registeredWith(String id, int item, String roadmap, LocalDate start,
                                                       LocalDate due, List<Milestone> milestones) {
        return new CommitmentRegistered(id, POLICY, item, FINANCE.unitId(), FINANCE.name(),
                new ResponsiblePerson("王五", "处长"), roadmap, start, due, milestones, FINANCE_OFFICIAL);
    }
}
