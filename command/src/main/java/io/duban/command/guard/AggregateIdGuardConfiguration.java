package io.duban.command.guard;

import org.axonframework.commandhandling.CommandBus;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Configuration;

/** Puts {@link AggregateIdGuard} in front of every command handler. */
@Configuration(proxyBeanMethods = false)
public class AggregateIdGuardConfiguration {

    @Autowired
    void guard(CommandBus commandBus) {
        commandBus.registerHandlerInterceptor(new AggregateIdGuard());
    }
}
