package io.duban.command.directory;

import io.duban.command.api.Actor;
import io.duban.command.api.AppointOfficial;
import io.duban.command.api.CommandRefusedException;
import io.duban.command.api.OfficialAppointed;
import io.duban.command.api.OfficialRemoved;
import io.duban.command.api.OfficialRole;
import io.duban.command.api.RemoveOfficial;
import io.duban.command.input.TextInput;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

import java.util.List;
import java.util.regex.Pattern;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * A person in the directory of officials, keyed by DingTalk userId. Kept as events so the audit can tell who could
 * act for which unit at any moment.
 */
@Aggregate
public class Official {

    static final Pattern USER_ID = Pattern.compile("[A-Za-z0-9_\\-.@]{1,64}");
    static final Pattern UNIT_ID = Pattern.compile("u[0-9a-f]{8}");
    /** Far more than any real official serves (the bundled policy lists 34 units in all). */
    static final int MAX_UNITS = 100;

    @AggregateIdentifier
    private String userId;
    private String name;
    private OfficialRole role;
    private List<String> unitIds = List.of();
    private boolean active;

    protected Official() {
        // for Axon
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public boolean handle(AppointOfficial command) {
        requireOffice(command.actor());
        if (command.userId() == null || !USER_ID.matcher(command.userId()).matches()) {
            throw CommandRefusedException.invalid("official.bad-user-id", "钉钉用户 ID 须为 1–64 位字母、数字或 _-.@。");
        }
        if (command.name() == null || command.name().isBlank() || command.name().strip().length() > 50) {
            throw CommandRefusedException.invalid("official.bad-name", "请填写姓名（不超过 50 个字）。");
        }
        TextInput.required(command.name(), "姓名", 50); // no control, bidi or broken characters in a name either
        if (command.role() == null) {
            throw CommandRefusedException.invalid("official.role-required",
                    "请填写角色：OFFICIAL、UNIT_LEADER、OFFICE 或 INSPECTOR。");
        }
        List<String> units = command.unitIds() == null ? List.of()
                : command.unitIds().stream().distinct().sorted().toList();
        if (units.size() > MAX_UNITS) {
            throw CommandRefusedException.invalid("official.too-many-units",
                    "一位人员最多属于 " + MAX_UNITS + " 个责任单位。");
        }
        if (units.stream().anyMatch(u -> u == null || !UNIT_ID.matcher(u).matches())) {
            throw CommandRefusedException.invalid("official.bad-unit", "单位编号格式不正确（应为 u 加 8 位十六进制）。");
        }
        boolean unitRole = command.role() == OfficialRole.OFFICIAL || command.role() == OfficialRole.UNIT_LEADER;
        if (unitRole && units.isEmpty()) {
            throw CommandRefusedException.invalid("official.units-required", "单位工作人员须至少属于一个责任单位。");
        }
        if (!unitRole && !units.isEmpty()) {
            throw CommandRefusedException.invalid("official.units-not-allowed", "办公室和督查人员不属于责任单位。");
        }
        String cleanName = command.name().strip();
        if (active && cleanName.equals(name) && command.role() == role && units.equals(unitIds)) {
            return false;
        }
        apply(new OfficialAppointed(command.userId(), cleanName, command.role(), units, command.actor()));
        return true;
    }

    @CommandHandler
    public void handle(RemoveOfficial command) {
        requireOffice(command.actor());
        if (!active) {
            throw CommandRefusedException.ruleViolated("official.not-active", "该人员已不在名录中。");
        }
        String reason = command.reason() == null || command.reason().isBlank() ? null : command.reason().strip();
        if (reason == null) {
            throw CommandRefusedException.invalid("input.required", "请填写移出名录的原因。");
        }
        reason = TextInput.required(reason, "移出名录的原因", 1000);
        apply(new OfficialRemoved(userId, reason, command.actor()));
    }

    private static void requireOffice(Actor actor) {
        if (actor == null || !actor.isOffice()) {
            throw CommandRefusedException.notPermitted("official.office-only", "只有领导小组办公室可以维护人员名录。");
        }
    }

    @EventSourcingHandler
    void on(OfficialAppointed event) {
        userId = event.userId();
        name = event.name();
        role = event.role();
        unitIds = event.unitIds();
        active = true;
    }

    @EventSourcingHandler
    void on(OfficialRemoved event) {
        active = false;
    }
}
