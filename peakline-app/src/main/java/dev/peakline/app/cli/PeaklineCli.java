package dev.peakline.app.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code peakline} executable. */
@Command(
        name = "peakline",
        mixinStandardHelpOptions = true,
        version = "peakline 0.1.0",
        description = "Peakline: dual-carbon digital management (双碳数字化管理平台).",
        subcommands = {
            AccountCommand.class,
            ExplainCommand.class,
            FactorsCommand.class,
            DemoCommand.class,
            InventoryCommand.class,
            SteamCommand.class,
            DecomposeCommand.class,
            FitCommand.class,
            PollutantsCommand.class,
            SinksCommand.class,
            AllocateCommand.class,
            ComplianceCommand.class,
            FootprintCommand.class,
            ConsolidateCommand.class,
            ServeCommand.class,
            GatewayCommand.class,
            ArchiveCommand.class
        })
public final class PeaklineCli implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        // POI logs through Log4j API; without a provider it would print a warning on every run
        System.setProperty("log4j2.loggerContextFactory", "org.apache.logging.log4j.simple.SimpleLoggerContextFactory");
        int code = run(args);
        if (code != Integer.MIN_VALUE) {
            // a command that returns MIN_VALUE (serve) keeps the JVM running
            System.exit(code);
        }
    }

    /** Runs a command line and returns its exit code (for tests). */
    public static int run(String... args) {
        CommandLine cl = new CommandLine(new PeaklineCli()).setCaseInsensitiveEnumValuesAllowed(true);
        // picocli lets "--help" win over an unknown command ("no-such-command --help" printed the usage and exited 0)
        if (args.length > 0 && !args[0].startsWith("-") && !cl.getSubcommands().containsKey(args[0])) {
            System.err.println("Unknown command '" + args[0] + "'; the commands are: "
                    + String.join(", ", cl.getSubcommands().keySet()));
            return 2;
        }
        return cl.execute(args);
    }

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }
}
