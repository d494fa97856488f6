package dev.peakline.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.peakline.app.server.PeaklineServer;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** {@code peakline serve} is safe by default: it listens on this machine only unless {@code --host} says otherwise. */
class ServeCommandTest {

    static PeaklineServer.Settings settings(ServeCommand s) {
        return s.settings();
    }

    @Test
    void listensOnLoopbackByDefault() {
        ServeCommand s = new ServeCommand();
        new CommandLine(s).parseArgs("--demo");
        assertThat(s.host).isEqualTo("127.0.0.1");
        assertThat(settings(s).properties()).containsEntry("server.address", "127.0.0.1");
    }

    @Test
    void listensOnEveryInterfaceOnlyWhenAsked() {
        ServeCommand s = new ServeCommand();
        new CommandLine(s).parseArgs("--host", "0.0.0.0", "--port", "9090");
        assertThat(settings(s).properties())
                .containsEntry("server.address", "0.0.0.0")
                .containsEntry("server.port", 9090);
    }

    @Test
    void accountsByTheNdrcDefaultsUnlessTheMethodIsChosen() {
        ServeCommand s = new ServeCommand();
        new CommandLine(s).parseArgs("--demo");
        assertThat(settings(s).properties())
                .containsEntry("peakline.accounting.electricity", "NATIONAL")
                .containsEntry("peakline.accounting.convention", "CALORIFIC")
                .containsEntry("peakline.accounting.gwp", "AR2")
                .containsEntry("peakline.accounting.non-co2", false);
        ServeCommand t = new ServeCommand();
        new CommandLine(t)
                .setCaseInsensitiveEnumValuesAllowed(true)
                .parseArgs("--electricity", "regional", "--non-co2");
        assertThat(settings(t).properties())
                .containsEntry("peakline.accounting.electricity", "REGIONAL")
                .containsEntry("peakline.accounting.non-co2", true);
    }
}
