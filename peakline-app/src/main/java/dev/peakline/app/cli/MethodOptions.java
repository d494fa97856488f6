package dev.peakline.app.cli;

import dev.peakline.accounting.AccountingOptions;
import dev.peakline.problems.Problem;
import dev.peakline.reference.FactorSetLoader;
import dev.peakline.reference.ReferenceLibrary;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Option;

/** Options choosing the method and factors, shared by the commands that account. */
final class MethodOptions {
    @Option(
            names = "--electricity",
            description = "Electricity factor: ${COMPLETION-CANDIDATES} (default: national average of the data year).")
    AccountingOptions.ElectricityBasis electricity = AccountingOptions.ElectricityBasis.NATIONAL;

    @Option(
            names = "--convention",
            description = "Electricity to standard coal: ${COMPLETION-CANDIDATES} (当量值 / 等价值; default CALORIFIC).")
    AccountingOptions.ElectricityConvention convention = AccountingOptions.ElectricityConvention.CALORIFIC;

    @Option(
            names = "--gwp",
            description = "GWP set for non-CO2 gases: AR2, AR4, AR5 or AR6 (default AR2, as the NDRC guidelines).")
    String gwp = "AR2";

    @Option(names = "--guideline", description = "Fuel-default table variant of the reference library (default A).")
    String guideline = "A";

    @Option(
            names = "--factors",
            description = "A factor file (docs/methodology.md) whose factors override the shipped ones.")
    Path factors;

    @Option(
            names = "--non-co2",
            description =
                    "Add CH4 and N2O from fuel combustion (IPCC 2006 defaults, energy industries or manufacturing"
                            + " by the industry code), as provincial inventories count them; the NDRC guidelines count CO2 only.")
    boolean nonCo2;

    AccountingOptions options() {
        return new AccountingOptions(guideline, electricity, convention, gwp, nonCo2);
    }

    /** The shipped library with the user's factor file on top; null (problems printed) when the file has problems. */
    ReferenceLibrary library(PrintStream err) {
        return library(factors, err);
    }

    /** The shipped library with a factor file on top; null (problems printed) when the file has problems. */
    static ReferenceLibrary library(Path factors, PrintStream err) {
        ReferenceLibrary lib = ReferenceLibrary.shipped();
        if (factors == null) {
            return lib;
        }
        String text;
        try {
            text = Files.readString(factors, StandardCharsets.UTF_8);
        } catch (IOException e) {
            err.println("cannot read " + factors + ": " + e.getMessage());
            return null;
        }
        FactorSetLoader.Overlay o =
                FactorSetLoader.overlay(lib, factors.getFileName().toString(), text);
        if (!o.ok()) {
            printProblems(err, o.problems());
            return null;
        }
        return o.library();
    }

    static void printProblems(PrintStream err, List<Problem> problems) {
        err.println(problems.size() + " problem(s); nothing was written:");
        int shown = 0;
        for (Problem p : problems) {
            if (shown++ == 200) {
                err.println("… and " + (problems.size() - 200) + " more");
                break;
            }
            err.println("  " + p);
        }
    }
}
