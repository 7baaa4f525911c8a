package io.duban.command.web;

import io.duban.command.access.CurrentActor;
import io.duban.command.api.CommandRefusedException;
import io.duban.command.api.ImportPolicy;
import io.duban.command.catalog.ImportOutcome;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;

/** Import a new policy document as plain UTF-8 text; re-posting the same text is a harmless no-op. */
@RestController
@RequestMapping(path = "/api/policies", produces = "application/json")
public class PolicyCommandController {

    /** Larger than any real 意见 document (the bundled one is 25 KB); keeps a hostile upload from filling memory. */
    static final int MAX_DOCUMENT_CHARS = 1_000_000;

    private final CommandGateway commands;
    private final CurrentActor currentActor;

    public PolicyCommandController(CommandGateway commands, CurrentActor currentActor) {
        this.commands = commands;
        this.currentActor = currentActor;
    }

    @PostMapping(consumes = MediaType.TEXT_PLAIN_VALUE)
    public ResponseEntity<ImportOutcome> importPolicy(@RequestParam String policyId, @RequestBody String text) {
        if (text.length() > MAX_DOCUMENT_CHARS) {
            throw CommandRefusedException.invalid("policy.too-large", "政策文件过大（超过 100 万字）。");
        }
        ImportOutcome outcome = commands.sendAndWait(new ImportPolicy(policyId, text, currentActor.get()));
        URI location = URI.create("/api/policies/" + outcome.policyId());
        return outcome.imported() ? ResponseEntity.created(location).body(outcome) : ResponseEntity.ok(outcome);
    }
}
