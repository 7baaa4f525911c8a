package io.duban.command.commitment;

import org.axonframework.test.aggregate.AggregateTestFixture;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;

/** The injected Clock follows the fixture's time travel, as the application's Clock follows real time. */
final class FixtureClock extends Clock {

    private final AggregateTestFixture<?> fixture;
    private final ZoneId zone;

    FixtureClock(AggregateTestFixture<?> fixture, ZoneId zone) {
        this.fixture = fixture;
        this.zone = zone;
    }

    @Override
    public ZoneId getZone() {
        return zone;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return new FixtureClock(fixture, zone);
    }

    @Override
    public Instant instant() {
        return fixture.currentTime();
    }
}
