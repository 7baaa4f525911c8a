package io.duban.deploy.time;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;

import org.axonframework.eventhandling.GenericEventMessage;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.ConfigDataApplicationContextInitializer;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

class TimeConfigurationTest {

    private static final Instant NOW = Instant.parse("2030-01-02T03:04:05Z");

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withInitializer(new ConfigDataApplicationContextInitializer())
            .withUserConfiguration(TimeConfiguration.class);

    @Test
    void theClockIsInShanghaiByDefault() {
        runner.run(context -> assertThat(context.getBean(Clock.class).getZone()).isEqualTo(ZoneId.of("Asia/Shanghai")));
    }

    @Test
    void theZoneIsConfigurable() {
        runner.withPropertyValues("duban.zone=Europe/Paris")
                .run(context -> assertThat(context.getBean(Clock.class).getZone()).isEqualTo(ZoneId.of("Europe/Paris")));
    }

    @Test
    void axonStampsEventsWithTheClockBeanAndLetsGoOnClose() {
        // given Axon's clock before the application, and an application whose clock stands still
        Clock before = GenericEventMessage.clock;

        runner.withBean("fixedClock", Clock.class, () -> Clock.fixed(NOW, ZoneId.of("Asia/Shanghai")),
                definition -> definition.setPrimary(true)).run(context -> {
            // when an event message is created, then its timestamp comes from the bean
            assertThat(GenericEventMessage.asEventMessage("payload").getTimestamp()).isEqualTo(NOW);
            assertThat(GenericEventMessage.clock).isSameAs(context.getBean(Clock.class));
        });

        // and after the application closed, Axon's clock is what it was
        assertThat(GenericEventMessage.clock).isSameAs(before);
    }
}
