package dev.peakline.app.steam;

import com.hummeling.if97.IF97;
import com.hummeling.if97.OutOfRangeException;
import dev.peakline.problems.ErrorCode;
import dev.peakline.problems.Problem;
import dev.peakline.problems.Refusal;
import java.util.ArrayList;
import java.util.List;

/**
 * Steam and hot water billed by mass, as heat in GJ, the unit the guidelines account heat in (NDRC industry guidelines,
 * appendix on heat): steam {@code AD = Ma × (En − 83.74) × 10⁻³}, with En the specific enthalpy (kJ/kg) of the steam at
 * its absolute pressure and temperature from the IAPWS-IF97 steam tables and 83.74 kJ/kg that of water at 20 °C
 * (20 × 4.1868); hot water {@code AD = Ma × (T − 20) × 4.1868 × 10⁻³}. Saturated steam (no temperature) takes the
 * saturated-vapour enthalpy at its pressure.
 */
public final class Steam {
    /** Enthalpy of the 20 °C water reference, kJ/kg (20 × 4.1868). */
    public static final double WATER_20C = 83.74;
    /** Specific heat of water the guidelines use, kJ/(kg·K). */
    public static final double WATER_CP = 4.1868;

    private static final IF97 TABLES = new IF97(IF97.UnitSystem.DEFAULT);

    private Steam() {}

    /** One conversion: the heat, the enthalpy it used, the state of the steam and the arithmetic. */
    public record Heat(double gigajoules, double enthalpy, String state, String formula) {}

    /**
     * What the CLI and the API ask for: hot water of {@code tonnes} at {@code temperatureC} when {@code water}, else
     * steam (saturated when the temperature is null); a missing number is refused by its field.
     */
    public static Heat convert(double tonnes, Double pressureMpa, Double temperatureC, boolean water) {
        if (water) {
            return hotWater(tonnes, temperatureC == null ? Double.NaN : temperatureC);
        }
        return steam(tonnes, pressureMpa == null ? Double.NaN : pressureMpa, temperatureC);
    }

    /**
     * Steam of {@code tonnes} at {@code pressureMpa} (absolute) and {@code temperatureC}, or saturated when the
     * temperature is null.
     */
    public static Heat steam(double tonnes, double pressureMpa, Double temperatureC) {
        List<Problem> problems = new ArrayList<>();
        if (!(tonnes > 0) || tonnes > 1e9) {
            problems.add(problem("tonnes", "steam mass must be positive tonnes (at most 10⁹), not " + tonnes));
        }
        if (!(pressureMpa >= 0.001) || pressureMpa > 100) {
            problems.add(problem(
                    "pressure", "absolute pressure must be 0.001–100 MPa (gauge + 0.101325), not " + pressureMpa));
        }
        if (temperatureC != null && (!(temperatureC >= 0) || temperatureC > 800)) {
            problems.add(problem("temperature", "steam temperature must be 0–800 °C, not " + temperatureC));
        }
        if (!problems.isEmpty()) {
            throw refusal(problems);
        }
        double enthalpy;
        String state;
        try {
            if (temperatureC == null) {
                enthalpy = TABLES.specificEnthalpySaturatedVapourP(pressureMpa);
                state = "saturated";
            } else {
                double tSat = pressureMpa < 22.064 ? TABLES.saturationTemperatureP(pressureMpa) - 273.15 : 0;
                if (temperatureC < tSat - 0.05) {
                    throw refusal(List.of(problem(
                            "temperature",
                            String.format(
                                    java.util.Locale.ROOT,
                                    "at %s MPa water boils at %.2f °C: %s °C is water, not steam (account it as hot"
                                            + " water)",
                                    pressureMpa,
                                    tSat,
                                    temperatureC))));
                }
                enthalpy = temperatureC <= tSat + 0.05
                        ? TABLES.specificEnthalpySaturatedVapourP(pressureMpa)
                        : TABLES.specificEnthalpyPT(pressureMpa, temperatureC + 273.15);
                state = temperatureC <= tSat + 0.05 ? "saturated" : "superheated";
            }
        } catch (OutOfRangeException e) {
            throw refusal(List.of(problem("pressure", "outside the IAPWS-IF97 steam tables: " + e.getMessage())));
        }
        double gj = tonnes * (enthalpy - WATER_20C) / 1000;
        return new Heat(
                gj,
                enthalpy,
                state,
                String.format(
                        java.util.Locale.ROOT,
                        "%s t × (%.4f − %.2f) kJ/kg × 10⁻³ = %.6f GJ",
                        plain(tonnes),
                        enthalpy,
                        WATER_20C,
                        gj));
    }

    /** Hot water of {@code tonnes} at {@code temperatureC}. */
    public static Heat hotWater(double tonnes, double temperatureC) {
        List<Problem> problems = new ArrayList<>();
        if (!(tonnes > 0) || tonnes > 1e9) {
            problems.add(problem("tonnes", "hot water mass must be positive tonnes (at most 10⁹), not " + tonnes));
        }
        if (!(temperatureC > 20) || temperatureC > 200) {
            problems.add(problem("temperature", "hot water must be above 20 °C (at most 200), not " + temperatureC));
        }
        if (!problems.isEmpty()) {
            throw refusal(problems);
        }
        double gj = tonnes * (temperatureC - 20) * WATER_CP / 1000;
        return new Heat(
                gj,
                (temperatureC - 20) * WATER_CP + WATER_20C,
                "hot water",
                String.format(
                        java.util.Locale.ROOT,
                        "%s t × (%s − 20) °C × %s kJ/(kg·K) × 10⁻³ = %.6f GJ",
                        plain(tonnes),
                        plain(temperatureC),
                        WATER_CP,
                        gj));
    }

    private static Problem problem(String field, String message) {
        return Problem.at(ErrorCode.STEAM.code(), "request", 0, field, message);
    }

    private static Refusal refusal(List<Problem> problems) {
        return Refusal.of(ErrorCode.STEAM, problems.get(0).message(), problems);
    }

    private static String plain(double v) {
        return java.math.BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
    }
}
