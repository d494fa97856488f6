package dev.peakline.app.cli;

import dev.peakline.app.steam.Steam;
import dev.peakline.problems.Problem;
import dev.peakline.problems.Refusal;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code peakline steam}: steam or hot water billed by mass, as the GJ a filing records heat in. */
@Command(
        name = "steam",
        mixinStandardHelpOptions = true,
        description = "Steam (or hot water) by mass as heat in GJ: Ma × (En − 83.74) × 10⁻³ with En from the"
                + " IAPWS-IF97 steam tables (NDRC guidelines); prints GJ, the enthalpy and the arithmetic.")
public final class SteamCommand implements Callable<Integer> {
    @Option(names = "--tonnes", required = true, description = "Mass of steam or hot water, t.")
    double tonnes;

    @Option(names = "--pressure", description = "Absolute pressure, MPa (gauge + 0.101325); steam only.")
    Double pressure;

    @Option(names = "--temperature", description = "Temperature, °C (steam: omit for saturated steam).")
    Double temperature;

    @Option(names = "--water", description = "Hot water instead of steam: Ma × (T − 20) × 4.1868 × 10⁻³.")
    boolean water;

    @Override
    public Integer call() {
        try {
            Steam.Heat h = Steam.convert(tonnes, pressure, temperature, water);
            System.out.println("gigajoules,enthalpy_kj_per_kg,state,formula");
            System.out.printf(
                    java.util.Locale.ROOT,
                    "%.6f,%.4f,%s,\"%s\"%n",
                    h.gigajoules(),
                    h.enthalpy(),
                    h.state(),
                    h.formula());
            return 0;
        } catch (Refusal r) {
            for (Problem p : r.problems()) {
                System.err.println(p);
            }
            return 2;
        }
    }
}
