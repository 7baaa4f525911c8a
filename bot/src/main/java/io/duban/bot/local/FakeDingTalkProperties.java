package io.duban.bot.local;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code duban.dingtalk.fake.*}: run the bot against the in-process DingTalk fake (the embedded default), so the
 * whole loop — alert out, reply in — works on a machine with no DingTalk organisation.
 *
 * @param enabled start the fake and point the bot at it
 * @param port    its port on 127.0.0.1 (0 = any free port, logged)
 */
@ConfigurationProperties("duban.dingtalk.fake")
public record FakeDingTalkProperties(@DefaultValue("false") boolean enabled, @DefaultValue("0") int port) {
}
