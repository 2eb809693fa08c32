package vn.gov.thidua.engine;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;

/**
 * The product's notion of "now" is the engine's, so that process tests which move the engine clock (ClockUtil, set
 * only by the tests' ProcessClock) see the product's own timestamps move with it. Product code takes this as an
 * injected {@link Clock}; nothing outside this package reads the engine's clock.
 */
@Component
public final class EngineClock extends Clock {

    private final ZoneId zone;

    EngineClock() {
        this(ZoneOffset.UTC);
    }

    private EngineClock(ZoneId zone) {
        this.zone = zone;
    }

    @Override
    public Instant instant() {
        return ClockUtil.getCurrentTime().toInstant();
    }

    @Override
    public ZoneId getZone() {
        return zone;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return new EngineClock(zone);
    }
}
