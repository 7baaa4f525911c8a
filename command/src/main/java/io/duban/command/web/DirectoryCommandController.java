package io.duban.command.web;

import io.duban.command.access.CurrentActor;
import io.duban.command.api.AppointOfficial;
import io.duban.command.api.RemoveOfficial;
import io.duban.command.api.ResponsibleUnit;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.ArrayList;
import java.util.List;

/** The office maintains the directory of officials (DingTalk userId → name → units → role). */
@RestController
@RequestMapping(path = "/api/officials", produces = "application/json")
public class DirectoryCommandController {

    public record DirectoryChange(String userId, boolean changed) {
    }

    private final CommandGateway commands;
    private final CurrentActor currentActor;

    public DirectoryCommandController(CommandGateway commands, CurrentActor currentActor) {
        this.commands = commands;
        this.currentActor = currentActor;
    }

    @PostMapping
    public ResponseEntity<DirectoryChange> appoint(@RequestBody AppointOfficialRequest body) {
        List<String> unitIds = new ArrayList<>();
        if (body.unitIds() != null) {
            unitIds.addAll(body.unitIds());
        }
        if (body.units() != null) {
            body.units().stream().map(name -> name == null ? null : ResponsibleUnit.idFor(name.strip()))
                    .forEach(unitIds::add);
        }
        Boolean changed = commands.sendAndWait(new AppointOfficial(body.userId(), body.name(), body.role(), unitIds,
                currentActor.get()));
        return ResponseEntity.ok(new DirectoryChange(body.userId(), Boolean.TRUE.equals(changed)));
    }

    @PostMapping("/{userId}/removal")
    public DirectoryChange remove(@PathVariable String userId, @RequestBody(required = false) NoteRequest body) {
        commands.sendAndWait(new RemoveOfficial(userId, body == null ? null : body.text(), currentActor.get()));
        return new DirectoryChange(userId, true);
    }
}
