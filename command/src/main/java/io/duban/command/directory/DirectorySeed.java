package io.duban.command.directory;

import io.duban.command.api.Actor;
import io.duban.command.api.AppointOfficial;
import io.duban.command.api.ResponsibleUnit;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;

/** Applies the configured directory seed on start-up; unchanged entries record nothing. */
@Component
@EnableConfigurationProperties(DirectoryProperties.class)
class DirectorySeed implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DirectorySeed.class);

    private final DirectoryProperties properties;
    private final CommandGateway commands;

    DirectorySeed(DirectoryProperties properties, CommandGateway commands) {
        this.properties = properties;
        this.commands = commands;
    }

    @Override
    public void run(ApplicationArguments args) {
        int changed = 0;
        for (SeedOfficial official : properties.officials()) {
            Boolean appointed = commands.sendAndWait(new AppointOfficial(official.userId(), official.name(),
                    official.role(), official.units().stream().map(ResponsibleUnit::idFor).toList(),
                    Actor.system("启动时导入人员名录")));
            if (Boolean.TRUE.equals(appointed)) {
                changed++;
            }
        }
        log.info("Directory seed: {} official(s) configured, {} appointed or changed", properties.officials().size(),
                changed);
    }
}
