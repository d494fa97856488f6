package dev.peakline.app.cli;

import dev.peakline.accounting.AccountingResult;
import dev.peakline.domain.CreditCode;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code peakline explain}: the derivation of one enterprise-month's figures. */
@Command(
        name = "explain",
        mixinStandardHelpOptions = true,
        description =
                "Print why an enterprise-month's figures are what they are: records, factors with source and set, formulas.")
final class ExplainCommand implements Callable<Integer> {
    @Mixin
    InputOptions input;

    @Mixin
    MethodOptions method;

    @Option(names = "--enterprise", required = true, description = "Unified social credit code.")
    String enterprise;

    @Option(names = "--period", required = true, description = "Month, YYYY-MM.")
    String period;

    @Override
    public Integer call() {
        var why = CreditCode.problemWith(enterprise);
        if (why.isPresent()) {
            System.err.println("--enterprise: " + why.get());
            return 2;
        }
        YearMonth ym;
        try {
            ym = YearMonth.parse(period);
        } catch (DateTimeParseException e) {
            System.err.println("--period: '" + period + "' is not a month (YYYY-MM)");
            return 2;
        }
        AccountingResult r = input.account(method, System.err);
        if (r == null) {
            return 2;
        }
        var ex = r.explain(CreditCode.of(enterprise), ym);
        if (ex.isEmpty()) {
            System.err.println("no records for enterprise " + enterprise + " in " + ym);
            return 3;
        }
        ex.get().lines().forEach(System.out::println);
        return 0;
    }
}
