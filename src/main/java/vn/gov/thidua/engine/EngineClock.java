package vn.gov.thidua.system;

import java.time.Instant;
import org.camunda.bpm.engine.impl.util.ClockUtil;

/**
 * The product's notion of "now" is the engine's, so that process tests which move the engine clock
 * (ClockUtil) see the product's own timestamps move with it.
 */
public final class EngineClock {

    private EngineClock() {
    }

    public static Instant now() {
        return ClockUtil.getCurrentTime().toInstant();
    }
}
