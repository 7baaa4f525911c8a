package io.duban.command.catalog;

import io.duban.command.api.Actor;
import io.duban.command.api.ImportPolicy;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.io.ResourceLoader;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/** Imports the bundled policy on start-up, so a fresh installation serves its 60 items at once. */
@Component
class BundledPolicyImporter implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(BundledPolicyImporter.class);

    private final BundledPolicyProperties properties;
    private final ResourceLoader resources;
    private final CommandGateway commands;

    BundledPolicyImporter(BundledPolicyProperties properties, ResourceLoader resources, CommandGateway commands) {
        this.properties = properties;
        this.resources = resources;
        this.commands = commands;
    }

    @Override
    public void run(ApplicationArguments args) throws IOException {
        if (!properties.importOnStartup()) {
            return;
        }
        String text;
        try (InputStream in = resources.getResource(properties.location()).getInputStream()) {
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        ImportOutcome outcome = commands.sendAndWait(
                new ImportPolicy(properties.policyId(), text, Actor.system("启动时导入内置政策文件")));
        log.info("Policy {}: {} ({} items)", outcome.policyId(),
                outcome.imported() ? "imported" : "already imported, unchanged", outcome.itemCount());
    }
}
