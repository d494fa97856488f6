package dev.peakline.app.server;

import com.fasterxml.jackson.databind.ser.std.ToStringSerializer;
import dev.peakline.accounting.AccountingOptions;
import dev.peakline.reference.ReferenceLibrary;
import dev.peakline.store.Database;
import dev.peakline.store.factors.FactorSetRepository;
import dev.peakline.store.filing.FilingRepository;
import dev.peakline.store.users.UserRepository;
import java.nio.file.Path;
import java.time.Clock;
import javax.sql.DataSource;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The platform's parts: the database (embedded unless a URL is given), the reference library, the repositories. */
@Configuration(proxyBeanMethods = false)
public class Platform {

    @Bean(destroyMethod = "close")
    Database database(
            @Value("${peakline.data-dir:./data}") String dataDir,
            @Value("${peakline.db.url:}") String url,
            @Value("${peakline.db.user:}") String user,
            @Value("${peakline.db.password:}") String password) {
        return url.isBlank() ? Database.embedded(Path.of(dataDir)) : Database.connect(url, user, password);
    }

    @Bean
    DataSource dataSource(Database db) {
        return db.dataSource();
    }

    /** Codes travel as their text ("91520181MA6DKQ3L5C"), not as objects: their toString is the code. */
    @Bean
    com.fasterxml.jackson.databind.Module peaklineCodes() {
        var m = new com.fasterxml.jackson.databind.module.SimpleModule("peakline-codes");
        m.addSerializer(dev.peakline.domain.CreditCode.class, ToStringSerializer.instance);
        m.addDeserializer(String.class, new dev.peakline.app.server.web.JsonText());
        m.addSerializer(dev.peakline.domain.RegionCode.class, ToStringSerializer.instance);
        m.addSerializer(dev.peakline.domain.IndustryCode.class, ToStringSerializer.instance);
        return m;
    }

    /**
     * Limits on every JSON body the API reads: 64 levels deep at most, numbers of at most 100 digits (Jackson's own
     * default depth is 500, which is far beyond any request Peakline takes), no null inside a list; texts are checked
     * by {@link dev.peakline.app.server.web.JsonText}.
     */
    @Bean
    org.springframework.boot.autoconfigure.jackson.Jackson2ObjectMapperBuilderCustomizer jsonLimits() {
        return b -> b.postConfigurer(m -> {
            m.getFactory()
                    .setStreamReadConstraints(com.fasterxml.jackson.core.StreamReadConstraints.builder()
                            .maxNestingDepth(64)
                            .maxNumberLength(100)
                            .build());
            // a null inside a list ("lines":[null]) is refused with its path instead of reaching a form as null
            m.setDefaultSetterInfo(com.fasterxml.jackson.annotation.JsonSetter.Value.forContentNulls(
                    com.fasterxml.jackson.annotation.Nulls.FAIL));
        });
    }

    /**
     * The server's clock: the system's, or for tests only ({@code test} profile) shifted by {@code
     * peakline.clock.offset} (an ISO-8601 duration such as {@code P365D}), so that the integration suite can run a year
     * ahead; libfaketime cannot move it, it hangs the embedded PostgreSQL. Refused outside the test profile.
     */
    @Bean
    Clock clock(
            org.springframework.core.env.Environment env,
            @org.springframework.beans.factory.annotation.Value("${peakline.clock.offset:}") String offset) {
        return shifted(
                Clock.systemUTC(), offset, env.acceptsProfiles(org.springframework.core.env.Profiles.of("test")));
    }

    static Clock shifted(Clock system, String offset, boolean testProfile) {
        if (offset == null || offset.isBlank()) {
            return system;
        }
        java.time.Duration d;
        try {
            d = java.time.Duration.parse(offset.strip());
        } catch (java.time.format.DateTimeParseException e) {
            throw new IllegalStateException(
                    "peakline.clock.offset '" + offset + "' is not an ISO-8601 duration such as P365D or PT-2H", e);
        }
        if (d.isZero()) {
            return system;
        }
        if (!testProfile) {
            throw new IllegalStateException("peakline.clock.offset moves the server's clock and is for tests only (the"
                    + " 'test' profile); remove it to run the server");
        }
        return Clock.offset(system, d);
    }

    @Bean
    ReferenceLibrary referenceLibrary() {
        return ReferenceLibrary.shipped();
    }

    /**
     * The method the server accounts with ({@code ./peakline serve --electricity … --non-co2}); the defaults are the
     * NDRC guidelines' (national average electricity, 当量值, AR2, CO2 only). A change is applied to every current
     * result at start ({@link dev.peakline.app.server.factors.MethodGuard}).
     */
    @Bean
    AccountingOptions accountingOptions(
            @Value("${peakline.accounting.guideline:A}") String guideline,
            @Value("${peakline.accounting.electricity:NATIONAL}") AccountingOptions.ElectricityBasis electricity,
            @Value("${peakline.accounting.convention:CALORIFIC}") AccountingOptions.ElectricityConvention convention,
            @Value("${peakline.accounting.gwp:AR2}") String gwp,
            @Value("${peakline.accounting.non-co2:false}") boolean nonCo2) {
        return new AccountingOptions(guideline, electricity, convention, gwp, nonCo2);
    }

    @Bean
    FilingRepository filingRepository(Database db, Clock clock) {
        return new FilingRepository(db, clock);
    }

    @Bean
    UserRepository userRepository(Database db, Clock clock) {
        return new UserRepository(db, clock);
    }

    @Bean
    dev.peakline.store.monitoring.MeterRepository meterRepository(Database db, Clock clock) {
        return new dev.peakline.store.monitoring.MeterRepository(db, clock);
    }

    @Bean
    dev.peakline.store.filing.Attachments attachments(Database db, Clock clock) {
        return new dev.peakline.store.filing.Attachments(db, clock);
    }

    @Bean
    dev.peakline.store.measures.MeasureRepository measureRepository(Database db, Clock clock) {
        return new dev.peakline.store.measures.MeasureRepository(db, clock);
    }

    @Bean
    dev.peakline.store.sinks.SinkRepository sinkRepository(Database db, Clock clock) {
        return new dev.peakline.store.sinks.SinkRepository(db, clock);
    }

    @Bean
    dev.peakline.store.footprint.FootprintRepository footprintRepository(Database db, Clock clock) {
        return new dev.peakline.store.footprint.FootprintRepository(db, clock);
    }

    @Bean
    dev.peakline.store.disclosure.DisclosureRepository disclosureRepository(Database db, Clock clock) {
        return new dev.peakline.store.disclosure.DisclosureRepository(db, clock);
    }

    @Bean
    dev.peakline.store.inclusion.InclusionRepository inclusionRepository(Database db, Clock clock) {
        return new dev.peakline.store.inclusion.InclusionRepository(db, clock);
    }

    @Bean
    dev.peakline.store.markets.MarketRepository marketRepository(Database db, Clock clock) {
        return new dev.peakline.store.markets.MarketRepository(db, clock);
    }

    @Bean
    dev.peakline.store.markets.ReductionProjectRepository reductionProjectRepository(Database db, Clock clock) {
        return new dev.peakline.store.markets.ReductionProjectRepository(db, clock);
    }

    @Bean
    dev.peakline.store.pollution.OutletRepository outletRepository(Database db, Clock clock) {
        return new dev.peakline.store.pollution.OutletRepository(db, clock);
    }

    @Bean
    dev.peakline.store.datacentre.DataCentres dataCentres(Database db, Clock clock) {
        return new dev.peakline.store.datacentre.DataCentres(db, clock);
    }

    @Bean
    dev.peakline.store.pollution.PollutantRepository pollutantRepository(Database db, Clock clock) {
        return new dev.peakline.store.pollution.PollutantRepository(db, clock);
    }

    @Bean
    dev.peakline.store.roadmap.RoadmapRepository roadmapRepository(Database db, Clock clock) {
        return new dev.peakline.store.roadmap.RoadmapRepository(db, clock);
    }

    @Bean
    dev.peakline.store.plan.MonitoringPlans monitoringPlans(Database db, Clock clock) {
        return new dev.peakline.store.plan.MonitoringPlans(db, clock);
    }

    @Bean
    dev.peakline.store.monitoring.Readings readings(Database db) {
        return new dev.peakline.store.monitoring.Readings(db);
    }

    @Bean
    dev.peakline.store.archive.ReadingArchive readingArchive(Database db, Clock clock) {
        return new dev.peakline.store.archive.ReadingArchive(db, clock);
    }

    @Bean
    dev.peakline.store.monitoring.Rollups rollups(Database db, Clock clock) {
        return new dev.peakline.store.monitoring.Rollups(db, clock);
    }

    @Bean
    dev.peakline.store.monitoring.Monitoring monitoring(Database db, Clock clock) {
        return new dev.peakline.store.monitoring.Monitoring(db, clock);
    }

    @Bean
    dev.peakline.store.efficiency.EfficiencyRepository efficiencyRepository(Database db, Clock clock) {
        return new dev.peakline.store.efficiency.EfficiencyRepository(db, clock);
    }

    @Bean
    dev.peakline.store.projects.ProjectRepository projectRepository(Database db, Clock clock) {
        return new dev.peakline.store.projects.ProjectRepository(db, clock);
    }

    @Bean
    dev.peakline.store.targets.TargetRepository targetRepository(Database db, Clock clock) {
        return new dev.peakline.store.targets.TargetRepository(db, clock);
    }

    @Bean
    dev.peakline.store.targets.StatisticsRepository statisticsRepository(Database db, Clock clock) {
        return new dev.peakline.store.targets.StatisticsRepository(db, clock);
    }

    @Bean
    dev.peakline.store.registry.EnterpriseRepository enterpriseRepository(Database db, Clock clock) {
        return new dev.peakline.store.registry.EnterpriseRepository(db, clock);
    }

    @Bean
    dev.peakline.store.ledger.AccountResults accountResults(Database db, Clock clock) {
        return new dev.peakline.store.ledger.AccountResults(db, clock);
    }

    @Bean
    dev.peakline.store.factors.RecomputeJobs recomputeJobs(Database db, Clock clock) {
        return new dev.peakline.store.factors.RecomputeJobs(db, clock);
    }

    @Bean
    FactorSetRepository factorSetRepository(Database db, Clock clock) {
        return new FactorSetRepository(db, clock);
    }
}
