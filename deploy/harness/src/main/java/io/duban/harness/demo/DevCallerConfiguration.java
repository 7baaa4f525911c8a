package io.duban.harness.demo;

import io.duban.command.access.CurrentActor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Tells the demo's developer endpoints who is logged in. */
@Configuration
public class DevCallerConfiguration {

    @Bean
    DevCaller devCaller(CurrentActor currentActor) {
        return currentActor::get;
    }
}
