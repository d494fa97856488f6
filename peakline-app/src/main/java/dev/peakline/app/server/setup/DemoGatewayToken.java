package dev.peakline.app.server.setup;

import dev.peakline.app.server.security.GatewayTokens;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The demo's gateway token: random for each data directory, kept in {@code demo-gateway.token} there (owner-readable
 * only) so that a restarted demo and its gateways keep working. Nothing derives it from a public value. The demo data
 * centre GA-01 has one of its own ({@link #dataCentre}, {@code demo-datacentre-gateway.token}).
 */
@Component
public class DemoGatewayToken {
    static final String FILE = "demo-gateway.token";
    static final String DATA_CENTRE_FILE = "demo-datacentre-gateway.token";
    private final Path file;
    private final DemoGatewayToken dataCentre;

    @org.springframework.beans.factory.annotation.Autowired
    public DemoGatewayToken(@Value("${peakline.data-dir:./data}") String dataDir) {
        this.file = Path.of(dataDir).resolve(FILE);
        this.dataCentre = new DemoGatewayToken(Path.of(dataDir).resolve(DATA_CENTRE_FILE));
    }

    private DemoGatewayToken(Path file) {
        this.file = file;
        this.dataCentre = null;
    }

    /** The token of the demo data centre GA-01's enterprise, kept beside this one. */
    public DemoGatewayToken dataCentre() {
        return dataCentre;
    }

    /** The token, made and stored on first use. */
    public synchronized String value() {
        try {
            if (Files.exists(file)) {
                return Files.readString(file, StandardCharsets.UTF_8).strip();
            }
            String token = GatewayTokens.newToken();
            Files.createDirectories(file.getParent());
            Files.writeString(file, token + "\n", StandardCharsets.UTF_8);
            try {
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException e) {
                // not a POSIX file system: the data directory's own permissions protect it
            }
            return token;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot keep the demo gateway token in " + file, e);
        }
    }

    /** Whether the token has been made already (the demo meters exist). */
    public boolean exists() {
        return Files.exists(file);
    }
}
