package dev.peakline.app.server.setup;

import dev.peakline.accounting.AccountingOptions;
import dev.peakline.app.server.security.Scopes;
import dev.peakline.demo.DemoProvince;
import dev.peakline.reference.ReferenceLibrary;
import dev.peakline.store.Database;
import dev.peakline.store.Tx;
import dev.peakline.store.registry.RegistryRepository;
import dev.peakline.store.setup.DemoLoader;
import dev.peakline.store.users.UserRepository;
import dev.peakline.store.users.UserRepository.Role;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * First start: loads the administrative divisions and industries, and with {@code --demo} the demo province and one
 * user of each kind. Without the demo, a first start creates an administrator with a random password that the console
 * shows once ({@link #takeFirstPassword}); it is never written to the log.
 */
@Component
public class Startup implements ApplicationRunner {
    private static final Logger LOG = LoggerFactory.getLogger(Startup.class);

    /** The demo users' password (demo only; docs/user-guide.md lists the users). */
    public static final String DEMO_PASSWORD = "peakline-demo";

    /**
     * A demo user: username, display name, role, and a region: a government user's scope, or where an enterprise user's
     * enterprise or a verifier's assigned enterprises are.
     */
    public record DemoUser(String username, String displayName, Role role, String region) {}

    public static final List<DemoUser> DEMO_USERS = List.of(
            new DemoUser("admin", "系统管理员", Role.ADMIN, null),
            new DemoUser("province", "贵州省发展改革委", Role.GOVERNMENT, "520000"),
            new DemoUser("guiyang", "贵阳市发展改革委", Role.GOVERNMENT, "520100"),
            new DemoUser("enterprise", "清镇市示例企业能源管理员", Role.ENTERPRISE, "520181"),
            new DemoUser("enterprise2", "遵义市示例企业能源管理员", Role.ENTERPRISE, "520303"),
            new DemoUser("verifier", "贵阳核查机构", Role.VERIFIER, "520100"));

    private final Database db;
    private final ReferenceLibrary library;
    private final AccountingOptions options;
    private final UserRepository users;
    private final PasswordEncoder passwords;
    private final Clock clock;
    private final Scopes scopes;
    private final dev.peakline.store.monitoring.MeterRepository meters;
    private final dev.peakline.store.monitoring.Readings readings;
    private final dev.peakline.store.monitoring.Monitoring monitoring;
    private final DemoSteering steering;
    private final DemoEnvironment environment;
    private final DemoGatewayToken gatewayToken;
    private final DemoMarkets markets;
    private final DemoDataCentres dataCentres;
    /** The generated first administrator password until the console has shown it (never logged). */
    private volatile String firstPassword;
    /** Enterprises the demo puts meters at. */
    static final int DEMO_METERED = 12;

    private final boolean demo;
    private final double scale;
    private final int fromYear;
    private final int toYear;

    public Startup(
            Database db,
            ReferenceLibrary library,
            AccountingOptions options,
            UserRepository users,
            PasswordEncoder passwords,
            Clock clock,
            Scopes scopes,
            dev.peakline.store.monitoring.MeterRepository meters,
            dev.peakline.store.monitoring.Readings readings,
            dev.peakline.store.monitoring.Monitoring monitoring,
            DemoSteering steering,
            DemoEnvironment environment,
            DemoGatewayToken gatewayToken,
            DemoMarkets markets,
            DemoDataCentres dataCentres,
            @Value("${peakline.demo.enabled:false}") boolean demo,
            @Value("${peakline.demo.scale:1}") double scale,
            @Value("${peakline.demo.from-year:2020}") int fromYear,
            @Value("${peakline.demo.to-year:2024}") int toYear) {
        this.db = db;
        this.library = library;
        this.options = options;
        this.users = users;
        this.passwords = passwords;
        this.clock = clock;
        this.scopes = scopes;
        this.meters = meters;
        this.readings = readings;
        this.monitoring = monitoring;
        this.steering = steering;
        this.environment = environment;
        this.gatewayToken = gatewayToken;
        this.markets = markets;
        this.dataCentres = dataCentres;
        this.demo = demo;
        this.scale = scale;
        this.fromYear = fromYear;
        this.toYear = toYear;
    }

    @Override
    public void run(ApplicationArguments args) {
        int added = RegistryRepository.load(db, library.registry());
        if (added > 0) {
            LOG.info("loaded {} administrative divisions and industries", added);
        }
        boolean empty = Tx.run(db, c -> Tx.count(c, "enterprise")) == 0;
        if (demo && empty) {
            long t0 = System.nanoTime();
            DemoLoader.Loaded l =
                    DemoLoader.load(db, new DemoProvince(2024, scale, fromYear, toYear), library, options, clock);
            LOG.info(
                    "demo province loaded: {} enterprises, {} approved filings ({} lines) accounted with {}, in {} ms",
                    l.enterprises(),
                    l.filings(),
                    l.lines(),
                    l.factorSets(),
                    (System.nanoTime() - t0) / 1_000_000);
        }
        if (demo
                && !steering.loaded()
                && !scopes.enterprisesIn(DemoLoader.PROVINCE).isEmpty()) {
            long t0 = System.nanoTime();
            steering.load(fromYear, toYear);
            LOG.info(
                    "demo statistics, targets, renovation plans and projects loaded in {} ms",
                    (System.nanoTime() - t0) / 1_000_000);
        }
        if (demo
                && !environment.loaded()
                && !scopes.enterprisesIn(DemoLoader.PROVINCE).isEmpty()) {
            long t0 = System.nanoTime();
            // the demo enterprise users' own enterprises are left without pollutants: they file their own
            environment.load(fromYear, toYear, ownEnterprises());
            LOG.info(
                    "demo pollutants, sinks and measures library loaded in {} ms",
                    (System.nanoTime() - t0) / 1_000_000);
        }
        if (demo
                && !markets.loaded()
                && !scopes.enterprisesIn(DemoLoader.PROVINCE).isEmpty()) {
            long t0 = System.nanoTime();
            // the demo users' enterprises keep clean accounts beyond the power cycle: they trade and surrender their
            // own
            int plants = markets.load(fromYear, toYear, ownEnterprises());
            if (plants > 0) {
                LOG.info(
                        "demo ETS cycle 2021–2022 loaded for {} power plants in {} ms",
                        plants,
                        (System.nanoTime() - t0) / 1_000_000);
            }
        }
        if (demo && !meters.any() && !scopes.enterprisesIn(DemoLoader.PROVINCE).isEmpty()) {
            loadDemoMeters();
        }
        if (users.count() == 0) {
            if (demo) {
                createDemoUsers();
            } else {
                byte[] b = new byte[12];
                new SecureRandom().nextBytes(b);
                String pw = Base64.getUrlEncoder().withoutPadding().encodeToString(b);
                users.create("system", "admin", "Administrator", passwords.encode(pw), Role.ADMIN, null, null);
                firstPassword = pw;
                LOG.warn("first start: created user 'admin'; its password is shown once on the console");
            }
        }
    }

    /** Meters at the demo enterprise user's enterprise and a few more in Guiyang, with two weeks of readings. */
    private void loadDemoMeters() {
        long t0 = System.nanoTime();
        String own = demoEnterprise("520181");
        Set<String> metered = new LinkedHashSet<>();
        metered.add(own);
        scopes.enterprisesIn("520100").stream().limit(DEMO_METERED - 1).forEach(metered::add);
        long n = DemoMeters.load(List.copyOf(metered), own, gatewayToken.value(), meters, readings, monitoring, clock);
        int centres = dataCentres.load(gatewayToken.dataCentre().value());
        LOG.info(
                "demo meters: {} enterprises and {} data centres, {} readings in {} ms; the demo gateway token is at {}",
                metered.size(),
                centres,
                n,
                (System.nanoTime() - t0) / 1_000_000,
                own);
    }

    /**
     * The generated password of the first administrator, once: the console shows it and it is forgotten. Empty when
     * no administrator was generated by this start (or it was already taken).
     */
    public synchronized java.util.Optional<String> takeFirstPassword() {
        String pw = firstPassword;
        firstPassword = null;
        return java.util.Optional.ofNullable(pw);
    }

    /** The demo data centre GA-01's gateway token when this data directory has it, for the console. */
    public java.util.Optional<String> demoDataCentreToken() {
        return demo && gatewayToken.dataCentre().exists()
                ? java.util.Optional.of(gatewayToken.dataCentre().value())
                : java.util.Optional.empty();
    }

    /** The demo gateway token when this data directory has the demo meters, for the console. */
    public java.util.Optional<String> demoGatewayToken() {
        return demo && gatewayToken.exists() ? java.util.Optional.of(gatewayToken.value()) : java.util.Optional.empty();
    }

    /** The first enterprise of the region, or of the province when a small demo has none there. */
    /** The demo enterprise users' enterprises. */
    private Set<String> ownEnterprises() {
        Set<String> own = new LinkedHashSet<>();
        DEMO_USERS.stream().filter(u -> u.role() == Role.ENTERPRISE).forEach(u -> own.add(demoEnterprise(u.region())));
        return own;
    }

    private String demoEnterprise(String region) {
        List<String> in = scopes.enterprisesIn(region);
        return in.isEmpty() ? scopes.enterprisesIn(DemoLoader.PROVINCE).get(0) : in.get(0);
    }

    private void createDemoUsers() {
        String hash = passwords.encode(DEMO_PASSWORD);
        for (DemoUser u : DEMO_USERS) {
            switch (u.role()) {
                case ADMIN -> users.create("system", u.username(), u.displayName(), hash, u.role(), null, null);
                case GOVERNMENT ->
                    users.create("system", u.username(), u.displayName(), hash, u.role(), u.region(), null);
                case ENTERPRISE ->
                    users.create(
                            "system", u.username(), u.displayName(), hash, u.role(), null, demoEnterprise(u.region()));
                case VERIFIER -> {
                    var v = users.create("system", u.username(), u.displayName(), hash, u.role(), null, null);
                    Set<String> assigned = new LinkedHashSet<>(scopes.enterprisesIn(u.region()));
                    users.assign("system", v.id(), assigned);
                }
            }
        }
        LOG.info(
                "demo users created (password '{}'): {}",
                DEMO_PASSWORD,
                DEMO_USERS.stream().map(DemoUser::username).toList());
    }
}
