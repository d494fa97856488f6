package dev.peakline.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.peakline.domain.CreditCode;
import dev.peakline.domain.Enterprise;
import dev.peakline.domain.IndustryCode;
import dev.peakline.domain.RegionCode;
import dev.peakline.reference.ReferenceLibrary;
import dev.peakline.store.filing.FilingRepository;
import dev.peakline.store.registry.EnterpriseRepository;
import dev.peakline.store.registry.RegistryRepository;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Clock;
import java.time.YearMonth;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The embedded database keeps its data under the data directory across a restart. */
class DatabaseRestartIT {
    @TempDir
    Path dataDir;

    @Test
    void dataSurvivesARestart() {
        CreditCode e = CreditCode.of("91520181MA6DKQ3L5C");
        long id;
        try (Database db = Database.embedded(dataDir)) {
            RegistryRepository.load(db, ReferenceLibrary.shipped().registry());
            new EnterpriseRepository(db, Clock.systemUTC())
                    .save(new Enterprise(e, "示例铝业有限公司", RegionCode.of("520181"), IndustryCode.of("3216"), true, true));
            id = new FilingRepository(db, Clock.systemUTC())
                    .draft(
                            "u",
                            e,
                            YearMonth.of(2026, 1),
                            "FORM",
                            List.of(new FilingRepository.ActivityLine(
                                    "天然气", "FUEL", new BigDecimal("12.5"), "万Nm3", null, null)))
                    .id();
        }
        try (Database db = Database.embedded(dataDir)) {
            FilingRepository filings = new FilingRepository(db, Clock.systemUTC());
            assertThat(filings.versions(e, YearMonth.of(2026, 1)))
                    .extracting(FilingRepository.Filing::id)
                    .containsExactly(id);
            assertThat(filings.activity(id).get(0).amount()).isEqualByComparingTo("12.5");
            assertThat(new EnterpriseRepository(db, Clock.systemUTC())
                            .find(e)
                            .orElseThrow()
                            .name())
                    .isEqualTo("示例铝业有限公司");
        }
    }

    @Test
    void theEmbeddedServerIsDurableAndTakesOnlyItsPassword() throws Exception {
        int port;
        try (Database db = Database.embedded(dataDir)) {
            try (var c = db.connection();
                    var st = c.createStatement()) {
                for (String setting : List.of("fsync", "full_page_writes", "synchronous_commit")) {
                    try (var rs = st.executeQuery("show " + setting)) {
                        rs.next();
                        assertThat(rs.getString(1)).as(setting).isEqualTo("on");
                    }
                }
                try (var rs = st.executeQuery("select setting from pg_settings where name = 'port'")) {
                    rs.next();
                    port = Integer.parseInt(rs.getString(1));
                }
            }
            String url = "jdbc:postgresql://127.0.0.1:" + port + "/postgres";
            String password = java.nio.file.Files.readString(dataDir.resolve("postgres.password"))
                    .strip();
            assertThat(password).hasSize(64);
            assertThat(java.nio.file.Files.getPosixFilePermissions(dataDir.resolve("postgres.password")))
                    .containsExactlyInAnyOrder(
                            java.nio.file.attribute.PosixFilePermission.OWNER_READ,
                            java.nio.file.attribute.PosixFilePermission.OWNER_WRITE);
            // another local user, without the password or with a wrong one, is refused
            for (String wrong : new String[] {"", "postgres"}) {
                org.assertj.core.api.Assertions.assertThatThrownBy(
                                () -> java.sql.DriverManager.getConnection(url, "postgres", wrong)
                                        .close())
                        .isInstanceOf(java.sql.SQLException.class);
            }
            java.sql.DriverManager.getConnection(url, "postgres", password).close();
        }
        // and it starts again with password authentication in place
        try (Database db = Database.embedded(dataDir);
                var c = db.connection()) {
            assertThat(c.isValid(5)).isTrue();
        }
    }
}
