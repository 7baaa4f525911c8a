package io.duban.command.commitment;

import io.duban.command.api.Milestone;
import io.duban.command.api.MilestonePlan;
import io.duban.command.api.SupportItem;
import io.duban.command.api.Target;
import io.duban.command.api.TargetKind;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Milestones the item's own text asks for, added to the unit's roadmap at registration.
 * <ul>
 *   <li>ANNUAL target (e.g. 每年补助呼和浩特市10亿元): one milestone per year from {@code firstYear} (or the
 *       timetable's start) to {@code lastYear} (or the timetable's end), titled {@code 2026年度：补助呼和浩特市10亿元},
 *       due on December 31 of that year or on the commitment's due date when that is earlier.</li>
 *   <li>DEADLINE target (e.g. 确保2023年建成投用): one milestone {@code 2023年底前：确保2023年建成投用} due at the end of
 *       {@code dueYear} (or the commitment's due date when earlier), when that year lies in the timetable.</li>
 * </ul>
 * A year is skipped when the unit's roadmap already covers it: a milestone due in that year whose title mentions
 * the amount (e.g. contains {@code 10亿}); for a target without an amount, a milestone due on the same date.
 * Their ids are {@code Y} and the year ({@code Y2027}; {@code Y2027-2} for a second target of the same year), apart
 * from the unit's {@code M1, M2, …}.
 */
final class TargetMilestones {

    private TargetMilestones() {
    }

    static List<Milestone> milestones(SupportItem item, LocalDate start, LocalDate due, List<MilestonePlan> roadmap) {
        List<Milestone> added = new ArrayList<>();
        for (Target target : item.targets()) {
            if (target.kind() == TargetKind.ANNUAL) {
                int first = Math.max(target.firstYear() == null ? start.getYear() : target.firstYear(),
                        start.getYear());
                int last = Math.min(target.lastYear() == null ? due.getYear() : target.lastYear(), due.getYear());
                for (int year = first; year <= last; year++) {
                    add(added, roadmap, target, year, start, due, year + "年度：" + annualWording(target.text()));
                }
            } else if (target.kind() == TargetKind.DEADLINE && target.dueYear() != null) {
                int year = target.dueYear();
                if (year >= start.getYear() && year <= due.getYear()) {
                    add(added, roadmap, target, year, start, due, year + "年底前：" + target.text());
                }
            }
        }
        return added;
    }

    private static void add(List<Milestone> added, List<MilestonePlan> roadmap, Target target, int year,
                            LocalDate start, LocalDate due, String title) {
        LocalDate yearEnd = LocalDate.of(year, 12, 31);
        LocalDate date = yearEnd.isAfter(due) ? due : yearEnd;
        if (date.isBefore(start) || covered(roadmap, target, year, date)) {
            return;
        }
        String id = "Y" + year;
        long sameYear = added.stream().filter(m -> m.milestoneId().equals(id) || m.milestoneId().startsWith(id + "-"))
                .count();
        added.add(new Milestone(sameYear == 0 ? id : id + "-" + (sameYear + 1),
                title.length() > 200 ? title.substring(0, 200) : title, date));
    }

    private static boolean covered(List<MilestonePlan> roadmap, Target target, int year, LocalDate date) {
        String mention = target.amount() == null ? null : target.amount().stripTrailingZeros().toPlainString()
                + (target.amountUnit() == null || target.amountUnit().isEmpty() ? "" : target.amountUnit().substring(0, 1));
        return roadmap.stream().filter(p -> p != null && p.dueDate() != null && p.title() != null)
                .anyMatch(p -> mention == null ? p.dueDate().equals(date)
                        : p.dueDate().getYear() == year && p.title().contains(mention));
    }

    /** 每年补助呼和浩特市10亿元 → 补助呼和浩特市10亿元; 今后5年每年新增…30亿元 → 新增…30亿元. */
    private static String annualWording(String text) {
        int every = text.indexOf("每年");
        String rest = every < 0 ? text : text.substring(every + 2);
        return rest.isBlank() ? text : rest;
    }
}
