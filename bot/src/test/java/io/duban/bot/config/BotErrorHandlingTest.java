package io.duban.bot.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.duban.bot.BotProcessingGroups;
import org.axonframework.config.Configuration;
import org.axonframework.config.Configurer;
import org.axonframework.config.DefaultConfigurer;
import org.axonframework.eventhandling.LoggingErrorHandler;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.junit.jupiter.api.Test;

/** The bot's processors retry an event they failed to handle (MongoDB away) instead of logging and skipping it. */
class BotErrorHandlingTest {

    @Test
    void everyBotProcessorPropagatesHandlerErrorsSoTheBatchIsRetried() {
        Configurer configurer = DefaultConfigurer.defaultConfiguration();
        new BotConfiguration().botErrorHandling().configureModule(configurer);
        Configuration configuration = configurer.buildConfiguration();

        for (String group : BotProcessingGroups.ALL) {
            assertThat(configuration.eventProcessingConfiguration().listenerInvocationErrorHandler(group)).as(group)
                    .isSameAs(PropagatingErrorHandler.INSTANCE);
        }
        // Axon's default, which the bot had: log the failure and go on with the next event
        assertThat(configuration.eventProcessingConfiguration().listenerInvocationErrorHandler("some-other-group"))
                .isInstanceOf(LoggingErrorHandler.class);
    }
}
