package io.duban.deploy.processing;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How long a tracking processor waits for events ({@code duban.processors.idle-wait}) before it extends its token
 * claim and waits again. A new event wakes it at once, so the wait adds no latency to the views; each wait that ends
 * empty costs one token-store transaction per processor (on the embedded default, a chunk written by H2).
 * <p>
 * Axon's 1 s is kept by default, measured against 5 s: an idle node's processor threads took 22-52 ticks of CPU a
 * minute at 1 s, 10 at 5 s (about 0.5 % of a core saved), but a processor being stopped finishes its wait first, and a
 * segment counts as caught up only after a wait that ended empty, so every view rebuilt alone took 7-25 s instead of
 * 3-5 s (bench, 100 commitments). Interrupting the wait instead (a shorter worker termination timeout) broke the
 * rebuild at 100,000 events: units of work ran into Axon's 60 s limit, the connection pool ran dry, the heap filled.
 * A quiet node that is rarely rebuilt may raise it; keep it well below
 * {@code axon.eventhandling.tokenstore.claim-timeout} (10 s), or another node takes the segment over.
 */
@ConfigurationProperties("duban.processors")
public record ProcessorIdleProperties(@DefaultValue("1s") Duration idleWait) {

    public ProcessorIdleProperties {
        if (idleWait.isNegative() || idleWait.isZero()) {
            throw new IllegalArgumentException("duban.processors.idle-wait must be positive, was " + idleWait);
        }
    }
}
