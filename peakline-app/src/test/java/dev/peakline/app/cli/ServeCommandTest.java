package dev.peakline.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.peakline.app.server.PeaklineServer;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** {@code peakline serve} is safe by default: it listens on this machine only unless {@code --host} says otherwise. */
class ServeCommandTest {

    static PeaklineServer.Settings settings(ServeCommand s) {
        return new PeaklineServer.Settings(
                s.host, s.port, s.dataDir, s.demo, s.demoScale, s.fromYear, s.toYear, null, null, null, null, null);
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
}
