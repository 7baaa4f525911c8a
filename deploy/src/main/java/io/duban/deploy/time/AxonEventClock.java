package io.duban.deploy.time;

import java.time.Clock;

import org.axonframework.eventhandling.GenericEventMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.InitializingBean;

/**
 * Makes Axon stamp events (and deadline messages) with the application's {@link Clock}.
 * <p>
 * Axon 4 has no per-configuration clock: event messages take their timestamp from the static, mutable
 * {@link GenericEventMessage#clock}, and that is Axon's documented way to control time in tests. Setting it from the
 * Spring bean keeps one source of time for the whole application. Being a JVM-wide static, it follows the most recently
 * started context; on close it restores the previous clock, unless another context replaced it meanwhile. The JDBC
 * event store also reads this clock to time out gaps in the global index, which is consistent because the events it
 * compares were stamped by the same clock. Token claims use Axon's separate {@code AbstractTokenEntry.clock}, left on
 * real UTC time on purpose: moving the business clock must not steal or expire processor claims.
 */
public final class AxonEventClock implements InitializingBean, DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(AxonEventClock.class);

    private final Clock clock;
    private Clock previous;

    public AxonEventClock(Clock clock) {
        this.clock = clock;
    }

    public Clock clock() {
        return clock;
    }

    @Override
    public void afterPropertiesSet() {
        previous = GenericEventMessage.clock;
        GenericEventMessage.clock = clock;
        log.debug("Axon event timestamps now come from {}", clock);
    }

    @Override
    public void destroy() {
        if (GenericEventMessage.clock == clock) {
            GenericEventMessage.clock = previous;
        }
    }
}
