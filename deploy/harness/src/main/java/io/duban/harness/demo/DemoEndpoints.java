package io.duban.harness.demo;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

import java.time.Clock;

/** The demo's developer endpoints {@code /api/dev/dingtalk/**}, added to the product by {@link DemoApplication}. */
@Configuration(proxyBeanMethods = false)
@Import({FakeDingTalkController.class, DevCallerConfiguration.class})
class DemoEndpoints {

    @Bean
    DevRoutes devRoutes(Clock clock) {
        return new DevRoutes(clock);
    }
}
