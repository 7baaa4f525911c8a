package io.duban.console.mine;

import io.duban.command.api.CommandRefusedException;
import io.duban.command.api.CommitmentId;
import io.duban.command.api.MilestonePlan;
import io.duban.command.api.RegisterCommitment;
import io.duban.command.api.ResponsiblePerson;
import io.duban.console.ConsolePage;
import io.duban.console.commitment.FormDates;
import io.duban.console.commitment.ConsoleActor;
import io.duban.console.commitment.FieldProblem;
import io.duban.console.commitment.FormErrors;
import io.duban.console.commitment.Refusals;
import io.duban.console.commitment.ViewCatchUp;
import io.duban.console.session.ConsoleUser;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * 我的承诺 (units): the unit's commitments first, then the items it answers for without a commitment, and the form
 * that registers one (art. 25: timetable, roadmap milestones, responsible person). A refused registration shows the
 * message next to its field with everything typed kept; nothing was recorded.
 */
@Controller
class MineController {

    /** Milestone rows the form offers at first; the page's script adds more. */
    static final int FIRST_ROWS = 3;

    private final MineReader reader;
    private final CommandGateway commands;
    private final ViewCatchUp catchUp;

    MineController(MineReader reader, CommandGateway commands, ViewCatchUp catchUp) {
        this.reader = reader;
        this.commands = commands;
        this.catchUp = catchUp;
    }

    @GetMapping(ConsolePage.ROOT + "/mine")
    String mine(@ModelAttribute("me") ConsoleUser me, @RequestParam(required = false) String item, Model model) {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("item", item == null ? "" : item);
        return show(me, model, values, rows(List.of(), List.of()), Map.of());
    }

    @PostMapping(ConsolePage.ROOT + "/mine/registration")
    String register(@ModelAttribute("me") ConsoleUser me,
                    @RequestParam(required = false) String item,
                    @RequestParam(required = false) String startDate,
                    @RequestParam(required = false) String dueDate,
                    @RequestParam(required = false) String responsibleName,
                    @RequestParam(required = false) String responsiblePosition,
                    @RequestParam(required = false) String roadmap,
                    HttpServletRequest request, Model model, HttpServletResponse response,
                    RedirectAttributes redirect) {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("item", item == null ? "" : item);
        values.put("startDate", nz(startDate));
        values.put("dueDate", nz(dueDate));
        values.put("responsibleName", nz(responsibleName));
        values.put("responsiblePosition", nz(responsiblePosition));
        values.put("roadmap", nz(roadmap));
        // the rows' values as posted, one per row (a bound List<String> would split a lone value at its commas)
        List<Milestone> rows = rows(list(request.getParameterValues("milestoneTitle")),
                list(request.getParameterValues("milestoneDue")));
        FormErrors errors = new FormErrors()
                .code("item.not-found", "item").code("commitment.unit-not-responsible", "item")
                .code("commitment.already-registered", "item").code("commitment.not-your-unit", "item")
                .code("commitment.bad-id", "item").code("aggregate.duplicate", "item")
                .code("commitment.due-before-start", "dueDate")
                .code("commitment.milestones-required", "milestones").code("commitment.too-many-milestones", "milestones")
                .code("milestone.due-required", "milestones").code("milestone.outside-timetable", "milestones")
                .label("责任人姓名", "responsibleName").label("责任人职务", "responsiblePosition")
                .label("路线图", "roadmap").label("里程碑名称", "milestones")
                .label("开始日期", "startDate").label("完成时限", "dueDate");
        String commitmentId;
        int itemNumber;
        try {
            String[] key = item == null ? new String[0] : item.split("\\|");
            if (key.length != 3) {
                throw new FieldProblem("item", "请选择要登记承诺的支持事项。");
            }
            itemNumber = Integer.parseInt(key[1]);
            LocalDate start = FormDates.parse(startDate, "startDate", "开始日期");
            LocalDate due = FormDates.parse(dueDate, "dueDate", "完成时限");
            List<MilestonePlan> plans = new ArrayList<>();
            for (Milestone row : rows) {
                if (!row.title().isBlank() || !row.due().isBlank()) {
                    plans.add(new MilestonePlan(row.title(),
                            FormDates.parse(row.due(), "milestones", "里程碑截止日期")));
                }
            }
            commitmentId = CommitmentId.of(key[0], itemNumber, key[2]);
            commands.sendAndWait(new RegisterCommitment(commitmentId, key[0], itemNumber, key[2],
                    new ResponsiblePerson(responsibleName, responsiblePosition), roadmap, start, due, plans,
                    ConsoleActor.of(me)));
        } catch (NumberFormatException e) {
            return refused(me, model, response, values, rows, Map.of("item", "请选择要登记承诺的支持事项。"));
        } catch (FieldProblem problem) {
            return refused(me, model, response, values, rows, Map.of(problem.field(), problem.getMessage()));
        } catch (RuntimeException failure) {
            CommandRefusedException refused = Refusals.of(failure).orElseThrow(() -> failure);
            String field = "commitment.dates-required".equals(refused.code())
                    ? (values.get("startDate").isBlank() ? "startDate" : "dueDate")
                    : errors.fieldOf(refused);
            return refused(me, model, response, values, rows,
                    Map.of(FormErrors.FORM.equals(field) ? "register" : field, refused.getMessage()));
        }
        catchUp.awaitAfter(commitmentId, -1);
        redirect.addFlashAttribute("notice", "已登记第 " + itemNumber + " 项的承诺。");
        return "redirect:" + ConsolePage.COMMITMENT.path() + "/" + commitmentId;
    }

    private String refused(ConsoleUser me, Model model, HttpServletResponse response, Map<String, String> values,
                           List<Milestone> rows, Map<String, String> errors) {
        response.setStatus(HttpStatus.UNPROCESSABLE_ENTITY.value());
        return show(me, model, values, rows, errors);
    }

    private String show(ConsoleUser me, Model model, Map<String, String> values, List<Milestone> rows,
                        Map<String, String> errors) {
        model.addAttribute("page", ConsolePage.MINE);
        model.addAttribute("mine", reader.read(me.unitIds()));
        model.addAttribute("values", values);
        model.addAttribute("milestones", rows);
        model.addAttribute("errors", errors);
        return "console/mine";
    }

    /** The rows as typed, at least {@link #FIRST_ROWS} (empty ones to fill in). */
    private static List<Milestone> rows(List<String> titles, List<String> dues) {
        List<String> t = titles == null ? List.of() : titles;
        List<String> d = dues == null ? List.of() : dues;
        List<Milestone> rows = new ArrayList<>();
        for (int i = 0; i < Math.max(t.size(), d.size()); i++) {
            rows.add(new Milestone(i < t.size() ? nz(t.get(i)) : "", i < d.size() ? nz(d.get(i)) : ""));
        }
        while (rows.size() < FIRST_ROWS) {
            rows.add(new Milestone("", ""));
        }
        return rows;
    }

    private static List<String> list(String[] values) {
        return values == null ? List.of() : List.of(values);
    }

    private static String nz(String text) {
        return text == null ? "" : text;
    }

    /** A roadmap row of the form: title and due date as typed. */
    record Milestone(String title, String due) {
    }
}
