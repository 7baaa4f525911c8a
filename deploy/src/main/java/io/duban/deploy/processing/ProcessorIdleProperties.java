package io.duban.deploy.processing;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the tracking processors behave when no event comes ({@code duban.processors.*}).
 *
 * @param idleWait how long a processor's thread waits for an event before it extends its token claim and waits again.
 *                 A new event wakes it at once, so this costs no latency; what it costs is one token-store transaction
 *                 per processor per wait. Axon's default of 1 s made an idle node commit twelve transactions a second
 *                 (on the embedded default, each a chunk written by H2). Must stay well below
 *                 {@code axon.eventhandling.tokenstore.claim-timeout} (10 s), or another node takes the segment over.
 * @param stopWait how long stopping a processor waits for its thread before interrupting it; a thread waiting for events
 *                 is interrupted at once instead of finishing its wait (a batch interrupted is rolled back and taken
 *                 again: every view write is idempotent)
 */
@ConfigurationProperties("duban.processors")
public record ProcessorIdleProperties(@DefaultValue("5s") Duration idleWait, @DefaultValue("1s") Duration stopWait) {
}
