package dev.peakline.monitoring;

/**
 * The consumption between two consecutive register readings, in register units (before the multiplier).
 *
 * <p>A rise is consumption. A fall is either a rollover, when the register has a known maximum and going round it is
 * the shorter way ({@code next + max − previous < max / 2}), or otherwise a reset to zero (a register cleared by
 * maintenance or a replaced counter board), after which the new value is what was consumed since the reset.
 */
public record Step(double amount, Event event) {

    public enum Event {
        NONE,
        ROLLOVER,
        RESET
    }

    public static Step between(double previous, double next, double registerMax) {
        if (next >= previous) {
            return new Step(next - previous, Event.NONE);
        }
        if (registerMax > 0) {
            double round = next + registerMax - previous;
            if (round >= 0 && round < registerMax / 2) {
                return new Step(round, Event.ROLLOVER);
            }
        }
        return new Step(next, Event.RESET);
    }
}
