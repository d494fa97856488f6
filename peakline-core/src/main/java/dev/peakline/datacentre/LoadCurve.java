package dev.peakline.datacentre;

import java.time.ZonedDateTime;

/**
 * A simulated data centre's power by meter position, for the demo's history and the gateway simulator (one curve
 * for both): the IT load follows a daily curve around its utilisation of the design capacity; cooling follows the
 * outdoor temperature (a Guiyang-like year, 7–23 °C monthly means, ±4 °C over the day); lighting and others are a
 * fixed share; on-site PV follows the sun. Over a year the PUE comes out near {@code basePue}.
 *
 * @param itCapacityKw design IT capacity
 * @param utilisation average IT load ÷ design capacity
 * @param basePue PUE at 15 °C
 * @param pvKw peak on-site PV (0 for none)
 */
public record LoadCurve(double itCapacityKw, double utilisation, double basePue, double pvKw) {
    /** Outdoor temperature (°C) at a time: an annual swing round 15 °C and a daily one. */
    public static double temperature(ZonedDateTime t) {
        double hour = t.getHour() + t.getMinute() / 60.0;
        return 15
                - 8 * Math.cos((t.getDayOfYear() - 15) / 365.0 * 2 * Math.PI)
                + 4 * Math.sin((hour - 9) / 24 * 2 * Math.PI);
    }

    /** The power (kW) a position's meter sees at a time. */
    public double kw(Pue.Position p, ZonedDateTime t) {
        double hour = t.getHour() + t.getMinute() / 60.0;
        double it = itCapacityKw * utilisation * (0.92 + 0.08 * Math.sin((hour - 8) / 24 * 2 * Math.PI));
        double overhead = basePue - 1;
        double cooling = it * overhead * 0.75 * Math.max(0.2, 1 + 0.03 * (temperature(t) - 15));
        double other = it * overhead * 0.25;
        return switch (p) {
            case IT -> it;
            case COOLING -> cooling;
            case OTHER -> other;
            case TOTAL -> it + cooling + other;
            case ONSITE_RENEWABLE -> hour > 6 && hour < 18 ? pvKw * Math.sin((hour - 6) / 12 * Math.PI) : 0;
            case GREEN_PURCHASED -> 0;
        };
    }
}
