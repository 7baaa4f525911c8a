package io.duban.command.commitment;

import io.duban.command.input.TextInput;
import io.duban.command.api.Actor;
import io.duban.command.api.CommandRefusedException;
import io.duban.command.api.CommitmentId;
import io.duban.command.api.CommitmentRegistered;
import io.duban.command.api.Milestone;
import io.duban.command.api.MilestonePlan;
import io.duban.command.api.RegisterCommitment;
import io.duban.command.api.ResponsiblePerson;
import io.duban.command.api.ResponsibleUnit;
import io.duban.command.api.SupportItem;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** The rules a registration must pass (art. 25: timetable, roadmap milestones, responsible person), in one place. */
final class Registration {

    static final int MAX_MILESTONES = 30;

    private Registration() {
    }

    /** The event a valid registration records; refuses the command otherwise. */
    static CommitmentRegistered check(RegisterCommitment command, ItemCatalog catalog) {
        Actor actor = command.actor();
        if (actor == null || !actor.actsFor(command.unitId())) {
            throw CommandRefusedException.notPermitted("commitment.not-your-unit",
                    "只能为本单位登记承诺：您不代表该责任单位。");
        }
        SupportItem item = catalog.findItem(command.policyId(), command.itemNumber())
                .orElseThrow(() -> CommandRefusedException.notFound("item.not-found",
                        "未找到政策 " + command.policyId() + " 的第 " + command.itemNumber() + " 项支持事项。"));
        ResponsibleUnit unit = item.units().stream().filter(u -> u.unitId().equals(command.unitId())).findFirst()
                .orElseThrow(() -> CommandRefusedException.notPermitted("commitment.unit-not-responsible",
                        "本单位不是第 " + item.number() + " 项支持事项的责任单位，不能登记承诺。"));
        if (!CommitmentId.of(command.policyId(), command.itemNumber(), command.unitId())
                .equals(command.commitmentId())) {
            throw CommandRefusedException.invalid("commitment.bad-id", "承诺编号与政策、事项和单位不一致。");
        }
        if (catalog.isRegistered(command.commitmentId())) {
            throw CommandRefusedException.ruleViolated("commitment.already-registered",
                    unit.name() + " 已登记第 " + item.number() + " 项的承诺，不能重复登记。");
        }
        String person = TextInput.required(command.responsible() == null ? null : command.responsible().name(),
                "责任人姓名", 50);
        String position = TextInput.optional(command.responsible().position(), "责任人职务", 100);
        String roadmap = TextInput.required(command.roadmap(), "路线图", 4000);
        if (command.startDate() == null || command.dueDate() == null) {
            throw CommandRefusedException.invalid("commitment.dates-required", "请填写开始日期和完成时限。");
        }
        DateInput.plausible(command.startDate(), "开始日期");
        DateInput.plausible(command.dueDate(), "完成时限");
        if (command.dueDate().isBefore(command.startDate())) {
            throw CommandRefusedException.invalid("commitment.due-before-start", "完成时限不能早于开始日期。");
        }
        return new CommitmentRegistered(command.commitmentId(), command.policyId(), command.itemNumber(),
                command.unitId(), unit.name(), new ResponsiblePerson(person, position), roadmap, command.startDate(),
                command.dueDate(), numberMilestones(command, item), actor);
    }

    private static List<Milestone> numberMilestones(RegisterCommitment command, SupportItem item) {
        List<MilestonePlan> plans = command.milestones();
        if (plans == null || plans.isEmpty()) {
            throw CommandRefusedException.invalid("commitment.milestones-required", "路线图至少需要一个里程碑。");
        }
        if (plans.size() > MAX_MILESTONES) {
            throw CommandRefusedException.invalid("commitment.too-many-milestones",
                    "里程碑不能超过 " + MAX_MILESTONES + " 个。");
        }
        LocalDate start = command.startDate();
        LocalDate due = command.dueDate();
        List<MilestonePlan> sorted = new ArrayList<>();
        for (MilestonePlan plan : plans) {
            if (plan == null || plan.dueDate() == null) {
                throw CommandRefusedException.invalid("milestone.due-required", "每个里程碑都需要截止日期。");
            }
            TextInput.required(plan.title(), "里程碑名称", 200);
            if (plan.dueDate().isBefore(start) || plan.dueDate().isAfter(due)) {
                throw CommandRefusedException.invalid("milestone.outside-timetable",
                        "里程碑“" + plan.title().strip() + "”的截止日期 " + plan.dueDate() + " 不在 " + start + " 至 "
                                + due + " 之间。");
            }
            sorted.add(plan);
        }
        // The unit's milestones are M1, M2, … by date; the ones the item's targets add have ids of their own kind
        // (Y2027), so adding them never shifts the ids the unit was given (and uses in replies and requests).
        sorted.sort(Comparator.comparing(MilestonePlan::dueDate));
        List<Milestone> numbered = new ArrayList<>();
        for (int i = 0; i < sorted.size(); i++) {
            numbered.add(new Milestone("M" + (i + 1), sorted.get(i).title().strip(), sorted.get(i).dueDate()));
        }
        numbered.addAll(TargetMilestones.milestones(item, start, due, plans));
        numbered.sort(Comparator.comparing(Milestone::dueDate)); // stable: the unit's own first on equal dates
        return numbered;
    }
}
