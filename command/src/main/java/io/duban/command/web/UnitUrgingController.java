package io.duban.command.web;

import io.duban.command.access.CurrentActor;
import io.duban.command.api.Actor;
import io.duban.command.api.CommandRefusedException;
import io.duban.command.api.OpenCommitments;
import io.duban.command.api.UrgeCommitment;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.ArrayList;
import java.util.List;

/**
 * 催办 a whole unit (office only; the route is guarded in the security configuration and every command again by the
 * aggregate): one {@link UrgeCommitment} per commitment of the unit not verified yet, as the event store knows them
 * ({@link OpenCommitments}, no view). A commitment verified between the read and the command is skipped.
 */
@RestController
@RequestMapping(path = "/api/units", produces = "application/json")
public class UnitUrgingController {

    /** The answer: the unit and the commitments urged, in id order (empty when the unit has no open commitment). */
    public record UnitUrged(String unitId, List<String> commitmentIds) {
    }

    private final CommandGateway commands;
    private final CurrentActor currentActor;
    private final OpenCommitments openCommitments;

    public UnitUrgingController(CommandGateway commands, CurrentActor currentActor, OpenCommitments openCommitments) {
        this.commands = commands;
        this.currentActor = currentActor;
        this.openCommitments = openCommitments;
    }

    @PostMapping("/{unitId}/urging")
    public UnitUrged urge(@PathVariable String unitId, @RequestBody(required = false) NoteRequest body) {
        Actor actor = currentActor.get();
        String text = body == null ? null : body.text();
        if (text == null || text.isBlank()) {
            throw CommandRefusedException.invalid("input.required", "请填写催办内容 text。");
        }
        List<String> open = openCommitments.ofUnit(unitId);
        if (open.isEmpty() && !openCommitments.isKnownUnit(unitId)) {
            throw CommandRefusedException.notFound("unit.not-found", "未找到责任单位：" + unitId);
        }
        List<String> urged = new ArrayList<>();
        for (String commitmentId : open) {
            try {
                commands.sendAndWait(new UrgeCommitment(commitmentId, text, actor));
                urged.add(commitmentId);
            } catch (RuntimeException e) {
                if (!verifiedMeanwhile(e)) {
                    throw e;
                }
            }
        }
        return new UnitUrged(unitId, urged);
    }

    private static boolean verifiedMeanwhile(RuntimeException e) {
        Throwable refusal = e instanceof CommandExecutionException ? e.getCause() : e;
        return refusal instanceof CommandRefusedException refused && "commitment.verified".equals(refused.code());
    }
}
