package dev.peakline.app.cli;

import dev.peakline.accounting.AccountingResult;
import dev.peakline.accounting.EnterpriseMonth;
import dev.peakline.io.accounting.ResultWriter;
import dev.peakline.io.accounting.RollupWriter;
import dev.peakline.reference.ReferenceLibrary;
import dev.peakline.rollup.Rollup;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code peakline account}: activity data in, enterprise-month accounts out. */
@Command(
        name = "account",
        mixinStandardHelpOptions = true,
        description = "Account emissions and energy per enterprise and month.")
final class AccountCommand implements Callable<Integer> {
    @Mixin
    InputOptions input;

    @Mixin
    MethodOptions method;

    @Option(names = "--out", required = true, description = "Result CSV: one row per enterprise and month.")
    Path out;

    @Option(
            names = "--rollup",
            description = "Also write roll-ups by region, industry and enterprise, per month and year.")
    Path rollup;

    @Override
    public Integer call() {
        long t0 = System.nanoTime();
        AccountingResult r = input.account(method, System.err);
        if (r == null) {
            return 2;
        }
        ResultWriter.writeAccounts(r, out);
        if (rollup != null) {
            RollupWriter.write(Rollup.of(r.months(), ReferenceLibrary.shipped().registry()), rollup);
        }
        double total = 0, energy = 0;
        for (EnterpriseMonth m : r.months()) {
            total += m.total();
            energy += m.energy();
        }
        System.out.printf(
                Locale.ROOT,
                "accounted %d enterprise-months of %d enterprises: %.3f tCO2e, %.3f tce (%d ms)%n",
                r.months().size(),
                r.companies().size(),
                total,
                energy,
                (System.nanoTime() - t0) / 1_000_000);
        System.out.println("factor sets: " + r.factorSets());
        System.out.println("wrote " + out + (rollup == null ? "" : " and " + rollup));
        return 0;
    }
}
