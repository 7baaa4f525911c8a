package io.duban.bot.config;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.duban.bot.BotProcessingGroups;
import io.duban.bot.DingTalkProperties;
import io.duban.bot.alert.AlertComposer;
import io.duban.bot.alert.Outbox;
import io.duban.bot.delivery.DingTalkGateway;
import io.duban.bot.delivery.OutboxSender;
import io.duban.command.api.work.PeriodicWork;
import io.duban.bot.delivery.SdkDingTalkGateway;
import io.duban.bot.inbound.InboundMessageReader;
import io.duban.bot.inbound.InboundProcessor;
import io.duban.bot.readside.ReadSide;
import io.duban.bot.stream.BotMessageListener;
import io.duban.bot.stream.StreamModeReceiver;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.config.EventProcessingConfigurer;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.eventhandling.TrackingEventProcessorConfiguration;
import org.axonframework.messaging.StreamableMessageSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

import java.time.Clock;

/**
 * Wires the DingTalk edge (in a package of its own: the wiring knows every package, no package knows the wiring):
 * its settings, gateway, outbox sender and its periodic delivery, when {@code duban.dingtalk.enabled=true}; and the
 * Stream mode receiver when {@code duban.dingtalk.stream-enabled=true} as well. The bot knows only DingTalk: a
 * stand-in (the harness's fake) is plugged in by pointing these settings at it.
 */
@Configuration
public class BotConfiguration {

    /**
     * A new alerts processor starts at the head of the event stream: switching the bot on for an existing store must
     * not send every historical alert (the handlers also refuse replays).
     */
    @Autowired
    void alertsStartAtHead(EventProcessingConfigurer processing) {
        processing.registerTrackingEventProcessorConfiguration(BotProcessingGroups.ALERTS,
                c -> TrackingEventProcessorConfiguration.forSingleThreadedProcessing()
                        .andInitialTrackingToken(StreamableMessageSource::createHeadToken));
    }

    /**
     * The bot's processors must not skip an event they failed to handle: Axon's default listener error handler only
     * logs, so while MongoDB was away (drill mongo-outage) an alert due then would never have reached the outbox. Propagating the error makes the processor retry the batch (with
     * back-off) until MongoDB answers; every handler is idempotent (outbox keys).
     */
    @Bean
    public ConfigurerModule botErrorHandling() {
        return configurer -> BotProcessingGroups.ALL.forEach(group -> configurer.eventProcessing()
                .registerListenerInvocationErrorHandler(group, configuration -> PropagatingErrorHandler.instance()));
    }

    /** {@code duban.dingtalk.*}; switched on without credentials, the service refuses to start and says which to give. */
    @Bean
    DingTalkProperties dingTalkProperties(Environment environment) {
        DingTalkProperties configured = Binder.get(environment)
                .bindOrCreate("duban.dingtalk", DingTalkProperties.class);
        if (configured.enabled() && (blank(configured.appKey()) || blank(configured.appSecret())
                || blank(configured.robotCode()))) {
            throw new IllegalStateException("duban.dingtalk.enabled=true needs DUBAN_DINGTALK_APP_KEY, "
                    + "DUBAN_DINGTALK_APP_SECRET and DUBAN_DINGTALK_ROBOT_CODE (or DUBAN_DINGTALK_ENABLED=false)");
        }
        return configured;
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    @Bean
    @ConditionalOnMissingBean
    @ConditionalOnProperty(name = "duban.dingtalk.enabled", havingValue = "true")
    DingTalkGateway dingTalkGateway(DingTalkProperties properties, ObjectMapper json, Clock clock) {
        return new SdkDingTalkGateway(properties, json, clock);
    }

    @Bean
    @ConditionalOnProperty(name = "duban.dingtalk.enabled", havingValue = "true")
    OutboxSender outboxSender(Outbox outbox, DingTalkGateway gateway, AlertComposer composer,
                              ReadSide readSide, DingTalkProperties properties, Clock clock) {
        return new OutboxSender(outbox, gateway, composer, readSide, properties, clock);
    }

    @Bean
    @ConditionalOnProperty(name = "duban.dingtalk.enabled", havingValue = "true")
    PeriodicWork outboxDelivery(OutboxSender sender, DingTalkProperties properties) {
        // on the application's scheduler: one node sends each pass, passes never overlap
        return PeriodicWork.every("dingtalk-outbox", "钉钉消息发送（发件箱）", properties.pollInterval(), sender::sendDue);
    }

    @Bean
    @ConditionalOnProperty(name = {"duban.dingtalk.enabled", "duban.dingtalk.stream-enabled"}, havingValue = "true")
    StreamModeReceiver streamModeReceiver(DingTalkProperties properties, ObjectMapper json,
                                          InboundProcessor processor) {
        return new StreamModeReceiver(properties, new BotMessageListener(new InboundMessageReader(json), processor));
    }
}
