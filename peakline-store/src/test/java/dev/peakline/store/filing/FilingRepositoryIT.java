package dev.peakline.store.filing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.peakline.domain.CreditCode;
import dev.peakline.domain.Enterprise;
import dev.peakline.domain.IndustryCode;
import dev.peakline.domain.RegionCode;
import dev.peakline.filing.FilingStatus;
import dev.peakline.reference.ReferenceLibrary;
import dev.peakline.store.AuditLog;
import dev.peakline.store.Database;
import dev.peakline.store.StoreException;
import dev.peakline.store.Tx;
import dev.peakline.store.filing.FilingRepository.ActivityLine;
import dev.peakline.store.filing.FilingRepository.Filing;
import dev.peakline.store.registry.EnterpriseRepository;
import dev.peakline.store.registry.RegistryRepository;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Repositories on a real (embedded) PostgreSQL, migrated by Flyway. */
class FilingRepositoryIT {
    @TempDir
    static Path dataDir;

    static Database db;
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-05T02:00:00Z"), ZoneOffset.UTC);
    static final CreditCode ENTERPRISE = CreditCode.of("91520181MA6DKQ3L5C");
    static final List<ActivityLine> LINES = List.of(
            new ActivityLine("原煤", "FUEL", new BigDecimal("1250.5"), "t", null, null),
            new ActivityLine("电力", "PURCHASED", new BigDecimal("830000"), "kWh", null, null));

    @BeforeAll
    static void start() {
        db = Database.embedded(dataDir);
        RegistryRepository.load(db, ReferenceLibrary.shipped().registry());
        new EnterpriseRepository(db, CLOCK)
                .save(new Enterprise(
                        ENTERPRISE, "示例铝业有限公司", RegionCode.of("520181"), IndustryCode.of("3216"), true, true));
    }

    @AfterAll
    static void stop() {
        db.close();
    }

    @Test
    void registryIsLoadedOnceAndCompletely() {
        int regions = Tx.run(db, c -> Tx.count(c, "region"));
        int industries = Tx.run(db, c -> Tx.count(c, "industry"));
        assertThat(regions)
                .isEqualTo(ReferenceLibrary.shipped().registry().regions().size());
        assertThat(industries)
                .isEqualTo(ReferenceLibrary.shipped().registry().industries().size());
        assertThat(RegistryRepository.load(db, ReferenceLibrary.shipped().registry()))
                .isZero();
    }

    @Test
    void filingWorkflowKeepsEveryVersionAndAuditsEveryChange() {
        FilingRepository filings = new FilingRepository(db, CLOCK);
        YearMonth march = YearMonth.of(2026, 2);
        Filing v1 = filings.draft("ent-user", ENTERPRISE, march, "FORM", LINES);
        assertThat(v1.version()).isEqualTo(1);
        filings.submit("ent-user", v1.id());
        filings.returnForCorrection("verifier", v1.id(), "电力 looks twice last month's");
        filings.replaceActivity("ent-user", v1.id(), LINES.subList(0, 1));
        filings.submit("ent-user", v1.id());
        assertThat(filings.approve("verifier", v1.id(), "ok").status()).isEqualTo(FilingStatus.APPROVED);
        // approved filings are locked
        assertThatThrownBy(() -> filings.replaceActivity("ent-user", v1.id(), LINES))
                .isInstanceOf(dev.peakline.problems.Refusal.class)
                .hasMessageContaining("APPROVED");
        assertThat(filings.activity(v1.id())).hasSize(1);
        // a correction is a new version; approving it supersedes the first
        Filing v2 = filings.draft("ent-user", ENTERPRISE, march, "UPLOAD", LINES);
        assertThat(v2.version()).isEqualTo(2);
        filings.submit("ent-user", v2.id());
        filings.approve("verifier", v2.id(), null);
        assertThat(filings.versions(ENTERPRISE, march))
                .extracting(Filing::version, Filing::status)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(1, FilingStatus.SUPERSEDED),
                        org.assertj.core.groups.Tuple.tuple(2, FilingStatus.APPROVED));
        assertThat(filings.activity(v1.id())).hasSize(1);
        assertThat(filings.activity(v2.id())).hasSize(2);
        List<AuditLog.Entry> history = Tx.run(db, c -> AuditLog.history(c, "filing", String.valueOf(v1.id())));
        assertThat(history)
                .extracting(AuditLog.Entry::action)
                .containsExactly(
                        "filing.create",
                        "filing.submit",
                        "filing.return",
                        "filing.content",
                        "filing.submit",
                        "filing.approve",
                        "filing.supersede");
        assertThat(history.get(2).actor()).isEqualTo("verifier");
        assertThat(history.get(2).before()).contains("\"status\": \"SUBMITTED\"");
        assertThat(history.get(2).after()).contains("\"status\": \"RETURNED\"").contains("twice");
    }

    @Test
    void onlyOneOpenVersionAndFailuresWriteNothing() {
        FilingRepository filings = new FilingRepository(db, CLOCK);
        YearMonth jan = YearMonth.of(2026, 1);
        filings.draft("ent-user", ENTERPRISE, jan, "FORM", LINES);
        assertThatThrownBy(() -> filings.draft("ent-user", ENTERPRISE, jan, "FORM", LINES))
                .isInstanceOfSatisfying(
                        StoreException.class, e -> assertThat(e.isConflict()).isTrue());
        assertThat(filings.versions(ENTERPRISE, jan)).hasSize(1);
        // a line the schema refuses (unknown filing) rolls back the whole draft
        assertThatThrownBy(() -> filings.draft("ent-user", ENTERPRISE, YearMonth.of(2025, 12), "FAX", LINES))
                .isInstanceOf(StoreException.class);
        assertThat(filings.versions(ENTERPRISE, YearMonth.of(2025, 12))).isEmpty();
        assertThatThrownBy(() -> filings.returnForCorrection("verifier", 1_000_000, "x"))
                .isInstanceOf(dev.peakline.problems.Refusal.class)
                .hasMessage("filing 1000000 does not exist");
        assertThatThrownBy(() -> filings.returnForCorrection("verifier", 1_000_000, " "))
                .isInstanceOf(dev.peakline.problems.Refusal.class)
                .extracting(e -> ((dev.peakline.problems.Refusal) e).code())
                .isEqualTo(dev.peakline.problems.ErrorCode.COMMENT_REQUIRED);
    }

    @Test
    void enterprisesMustBeInKnownRegionsAndIndustries() {
        assertThatThrownBy(() -> new EnterpriseRepository(db, CLOCK)
                        .save(new Enterprise(
                                CreditCode.of("91520181MA6DKQ3L5C"),
                                "x",
                                RegionCode.of("999999"),
                                IndustryCode.of("3216"),
                                false,
                                false)))
                .isInstanceOf(StoreException.class);
        assertThat(new EnterpriseRepository(db, CLOCK)
                        .find(ENTERPRISE)
                        .orElseThrow()
                        .region()
                        .value())
                .isEqualTo("520181");
    }
}
