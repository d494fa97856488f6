package dev.peakline.app.cli;

import dev.peakline.accounting.AccountingEngine;
import dev.peakline.accounting.AccountingResult;
import dev.peakline.io.filing.FilingReader;
import dev.peakline.reference.ReferenceLibrary;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The filing files a command reads. */
final class InputOptions {
    @Option(
            names = "--activity",
            required = true,
            description = "Activity data (.csv or .xlsx): enterprise,region,industry,period,carrier,quantity,unit,use.")
    Path activity;

    @Option(names = "--process", description = "Process inputs: enterprise,period,process,quantity,unit,parameters.")
    Path process;

    @Option(names = "--production", description = "Production: enterprise,period,product,quantity,unit.")
    Path production;

    @Option(names = "--output-value", description = "Value added: enterprise,period,value_added,unit.")
    Path outputValue;

    @Option(
            names = "--threads",
            description = "Threads for the batch pass (default: all cores). Results do not depend on it.")
    int threads = Runtime.getRuntime().availableProcessors();

    /** Reads and accounts; prints problems and returns null when there are any. */
    AccountingResult account(MethodOptions method, PrintStream err) {
        ReferenceLibrary lib = method.library(err);
        if (lib == null) {
            return null;
        }
        FilingReader.Read read;
        try {
            read = FilingReader.read(activity, process, production, outputValue);
        } catch (UncheckedIOException e) {
            err.println(e.getMessage());
            return null;
        }
        if (!read.ok()) {
            MethodOptions.printProblems(err, read.problems());
            return null;
        }
        AccountingEngine.Run run;
        try {
            run = new AccountingEngine(lib, method.options(), Math.max(1, threads)).account(read.input());
        } catch (IllegalArgumentException e) {
            err.println(e.getMessage());
            return null;
        }
        if (!run.ok()) {
            MethodOptions.printProblems(err, run.problems());
            return null;
        }
        return run.result();
    }
}
