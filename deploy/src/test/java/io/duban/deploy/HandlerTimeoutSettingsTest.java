package io.duban.deploy;

import java.util.List;

import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.annotation.AnnotatedMessageHandlingMember;
import org.axonframework.messaging.annotation.ClasspathParameterResolverFactory;
import org.axonframework.messaging.annotation.MessageHandlingMember;
import org.axonframework.messaging.timeout.HandlerTimeoutConfiguration;
import org.axonframework.messaging.timeout.HandlerTimeoutHandlerEnhancerDefinition;
import org.axonframework.messaging.timeout.TaskTimeoutSettings;
import org.axonframework.springboot.TimeoutProperties;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.PropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.ClassPathResource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The application's Axon timeout settings leave single handlers untimed (each timer walked the thread's stack) and the
 * units of work timed: read from application.yml as Spring binds it, applied by Axon's own enhancer.
 */
class HandlerTimeoutSettingsTest {

    @Test
    void everyKindOfHandlerIsLeftUnwrappedWhileUnitsOfWorkKeepTheirLimits() throws Exception {
        // given the application's settings
        TimeoutProperties timeouts = applicationTimeouts();
        HandlerTimeoutConfiguration handlers = timeouts.getHandler().toMessageHandlerTimeoutConfiguration();

        // then no kind of handler has a timeout or a warning threshold
        for (TaskTimeoutSettings kind : List.of(handlers.getEvents(), handlers.getCommands(), handlers.getQueries(),
                handlers.getDeadlines())) {
            assertThat(kind.getTimeoutMs()).isNegative();
            assertThat(kind.getWarningThresholdMs()).isNegative();
        }
        // and the units of work keep Axon's
        assertThat(timeouts.isEnabled()).isTrue();
        assertThat(timeouts.getTransaction().getEventProcessors().getTimeoutMs()).isPositive();

        // when Axon's enhancer sees an event handler, then it hands it back unwrapped
        MessageHandlingMember<Handler> member = eventHandler();
        assertThat(new HandlerTimeoutHandlerEnhancerDefinition(handlers).wrapHandler(member)).isSameAs(member);
    }

    @Test
    void axonsSpringBootDefaultsWouldWrapIt() throws Exception {
        MessageHandlingMember<Handler> member = eventHandler();
        HandlerTimeoutConfiguration defaults = new TimeoutProperties().getHandler().toMessageHandlerTimeoutConfiguration();

        assertThat(new HandlerTimeoutHandlerEnhancerDefinition(defaults).wrapHandler(member))
                .isNotSameAs(member)
                .extracting(wrapped -> wrapped.getClass().getSimpleName()).isEqualTo("TimeoutWrappedMessageHandlingMember");
    }

    private static TimeoutProperties applicationTimeouts() throws Exception {
        StandardEnvironment environment = new StandardEnvironment();
        for (PropertySource<?> source : new YamlPropertySourceLoader().load("application",
                new ClassPathResource("application.yml"))) {
            environment.getPropertySources().addLast(source);
        }
        return new Binder(ConfigurationPropertySources.get(environment))
                .bindOrCreate("axon.timeout", TimeoutProperties.class);
    }

    private static MessageHandlingMember<Handler> eventHandler() throws NoSuchMethodException {
        return new AnnotatedMessageHandlingMember<>(Handler.class.getDeclaredMethod("on", String.class),
                EventMessage.class, String.class, ClasspathParameterResolverFactory.forClass(Handler.class));
    }

    static class Handler {
        void on(String event) {
            // a handler to wrap, never called
        }
    }
}
