package io.duban.bot.local;

import io.duban.bot.DingTalkProperties;
import io.duban.bot.fake.FakeDingTalk;
import io.duban.bot.fake.FakeDingTalkSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

import java.time.Clock;

/**
 * Decides which DingTalk the bot talks to: the configured organisation, or — with {@code duban.dingtalk.fake.enabled}
 * — the local fake, started here with freshly generated credentials (nothing secret-looking is ever configured).
 */
@Configuration
@EnableConfigurationProperties(FakeDingTalkProperties.class)
public class LocalDingTalkConfiguration {

    /** The office group chat the fake stands in for. */
    public static final String FAKE_OFFICE_CONVERSATION = "cidfakeofficegroup";
    private static final Logger log = LoggerFactory.getLogger(LocalDingTalkConfiguration.class);

    @Bean(destroyMethod = "close")
    @ConditionalOnProperty(name = "duban.dingtalk.fake.enabled", havingValue = "true")
    FakeDingTalk fakeDingTalk(FakeDingTalkProperties properties, Clock clock) {
        FakeDingTalk fake = FakeDingTalk.start(FakeDingTalkSettings.generated(), clock, properties.port());
        log.info("Local DingTalk fake listening on 127.0.0.1:{} (the bot sends here, not to DingTalk)", fake.port());
        return fake;
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    @Bean
    DingTalkProperties dingTalkProperties(Environment environment, ObjectProvider<FakeDingTalk> fake) {
        DingTalkProperties configured = Binder.get(environment)
                .bindOrCreate("duban.dingtalk", DingTalkProperties.class);
        FakeDingTalk local = fake.getIfAvailable();
        if (local != null) {
            if (configured.streamEnabled()) {
                log.warn("duban.dingtalk.stream-enabled is ignored with the local fake (it has no Stream gateway): "
                        + "replies come through the HTTP callback");
            }
            return configured.connectedTo(local, FAKE_OFFICE_CONVERSATION);
        }
        if (configured.enabled() && (blank(configured.appKey()) || blank(configured.appSecret())
                || blank(configured.robotCode()))) {
            throw new IllegalStateException("duban.dingtalk.enabled=true needs DUBAN_DINGTALK_APP_KEY, "
                    + "DUBAN_DINGTALK_APP_SECRET and DUBAN_DINGTALK_ROBOT_CODE (or DUBAN_DINGTALK_ENABLED=false; the local "
                    + "fake runs in the demo profile)");
        }
        return configured;
    }
}
