package dev.peakline.app;

import static com.tngtech.archunit.base.DescribedPredicate.describe;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import java.util.Optional;
import java.util.Set;

/**
 * The dependency rules of ARCHITECTURE.md and docs/architecture.md, checked by the build: modules in one direction, one
 * package per feature without cycles, features using each other only through services and events, a store kernel that
 * knows no feature, no Spring outside the app.
 */
@AnalyzeClasses(packages = "dev.peakline", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {
    static final String SERVER = "dev.peakline.app.server.";
    /** Packages every feature of the server may use: the shared web layer and security. */
    static final Set<String> SHARED = Set.of("web", "security");

    /** Core is every package that is not io, store, app or bench: a new core package is covered the day it appears. */
    @ArchTest
    static final ArchRule coreUsesTheJdkOnly = noClasses()
            .that()
            .resideInAPackage("dev.peakline..")
            .and()
            .resideOutsideOfPackages(
                    "dev.peakline.io..", "dev.peakline.store..", "dev.peakline.app..", "dev.peakline.bench..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(
                    "org.springframework..",
                    "java.sql..",
                    "javax.sql..",
                    "org.apache.poi..",
                    "com.lowagie..",
                    "com.fasterxml..",
                    "de.siegmar..",
                    "picocli..",
                    "org.apache.logging..",
                    "org.slf4j..",
                    "dev.peakline.io..",
                    "dev.peakline.app..",
                    "dev.peakline.store..",
                    "dev.peakline.bench..");

    @ArchTest
    static final ArchRule ioDependsOnCoreOnly = noClasses()
            .that()
            .resideInAPackage("dev.peakline.io..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("dev.peakline.app..", "dev.peakline.store..", "picocli..", "org.springframework..");

    @ArchTest
    static final ArchRule theStoreHasNoSpring = noClasses()
            .that()
            .resideInAPackage("dev.peakline.store..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("org.springframework..", "dev.peakline.app..", "dev.peakline.io..");

    /** Spark and Scala belong to peakline-spark alone (docs/scale.md): the platform never needs a cluster's classes. */
    @ArchTest
    static final ArchRule noSparkOutsideItsModule = noClasses()
            .that()
            .resideInAnyPackage("dev.peakline..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("org.apache.spark..", "scala..");

    /** {@code Database}, {@code Tx}, {@code AuditLog}, {@code StoreException}: a kernel that no feature is part of. */
    @ArchTest
    static final ArchRule theStoreKernelKnowsNoFeature = noClasses()
            .that()
            .resideInAPackage("dev.peakline.store")
            .should()
            .dependOnClassesThat()
            .resideInAPackage("dev.peakline.store.(*)..");

    @ArchTest
    static final ArchRule noModuleCycles =
            slices().matching("dev.peakline.(*)..").should().beFreeOfCycles();

    @ArchTest
    static final ArchRule noCyclesBetweenServerFeatures =
            slices().matching("dev.peakline.app.server.(*)..").should().beFreeOfCycles();

    @ArchTest
    static final ArchRule noCyclesBetweenStoreFeatures =
            slices().matching("dev.peakline.store.(*)..").should().beFreeOfCycles();

    /** io is laid out like core: one package per feature, the shared table/CSV/sheet readers in {@code io.table}. */
    @ArchTest
    static final ArchRule ioHasOnePackagePerFeature = noClasses()
            .should()
            .resideInAPackage("dev.peakline.io")
            .because("every reader and writer of io lives in its feature's package (docs/architecture.md)");

    @ArchTest
    static final ArchRule noCyclesBetweenIoFeatures =
            slices().matching("dev.peakline.io.(*)..").should().beFreeOfCycles();

    /** The shared readers and the report documents serve the features and depend on none of them. */
    @ArchTest
    static final ArchRule ioSharedPackagesKnowNoFeature = noClasses()
            .that()
            .resideInAnyPackage("dev.peakline.io.table..", "dev.peakline.io.report..")
            .should()
            .dependOnClassesThat(describe(
                    "belong to an io feature",
                    t -> t.getPackageName().startsWith("dev.peakline.io.")
                            && !t.getPackageName().startsWith("dev.peakline.io.table")
                            && !t.getPackageName().startsWith("dev.peakline.io.report")));

    @ArchTest
    static final ArchRule noCyclesBetweenCorePackages =
            slices().matching("dev.peakline.(*)..").should().beFreeOfCycles();

    /** The shared packages serve the features and depend on none of them. */
    @ArchTest
    static final ArchRule sharedPackagesKnowNoFeature = classes()
            .that()
            .resideInAnyPackage(SERVER + "web..", SERVER + "security..")
            .should(dependOnNoFeature());

    /**
     * A feature reaches another only through its services (Spring beans) and the records they take, return or
     * publish as events; never its controllers or helpers. Nothing depends on setup (demo loading).
     */
    @ArchTest
    static final ArchRule featuresMeetThroughServicesAndEvents =
            classes().that().resideInAPackage(SERVER + "*..").should(useOtherFeaturesOnlyThroughServices());

    @ArchTest
    static final ArchRule consoleOutputOnlyInTheCli = noClasses()
            .that()
            .resideOutsideOfPackage("dev.peakline.app.cli..")
            .and()
            .resideOutsideOfPackage("dev.peakline.bench..")
            .should()
            .accessField(System.class, "out")
            .orShould()
            .accessField(System.class, "err")
            .orShould()
            .callMethod(Throwable.class, "printStackTrace");

    /** The feature a class of the server belongs to ({@code filing}, {@code web}…), if any. */
    static Optional<String> feature(JavaClass c) {
        String p = c.getPackageName();
        if (!p.startsWith(SERVER)) {
            return Optional.empty();
        }
        String rest = p.substring(SERVER.length());
        int dot = rest.indexOf('.');
        return Optional.of(dot < 0 ? rest : rest.substring(0, dot));
    }

    static boolean isService(JavaClass c) {
        JavaClass top = c;
        while (top.getEnclosingClass().isPresent()) {
            top = top.getEnclosingClass().get();
        }
        if (c.isRecord() || c.isEnum()) {
            return true; // values that services take, return or publish
        }
        return top.isAnnotatedWith("org.springframework.stereotype.Service")
                || top.isAnnotatedWith("org.springframework.stereotype.Component");
    }

    static ArchCondition<JavaClass> dependOnNoFeature() {
        return new ArchCondition<>("depend on no feature") {
            @Override
            public void check(JavaClass c, ConditionEvents events) {
                for (Dependency d : c.getDirectDependenciesFromSelf()) {
                    feature(d.getTargetClass())
                            .filter(f -> !SHARED.contains(f))
                            .ifPresent(f -> events.add(SimpleConditionEvent.violated(d, d.getDescription())));
                }
            }
        };
    }

    static ArchCondition<JavaClass> useOtherFeaturesOnlyThroughServices() {
        return new ArchCondition<>("use other features only through their services and events") {
            @Override
            public void check(JavaClass c, ConditionEvents events) {
                Optional<String> own = feature(c);
                for (Dependency d : c.getDirectDependenciesFromSelf()) {
                    JavaClass target = d.getTargetClass();
                    Optional<String> other = feature(target);
                    if (other.isEmpty() || other.equals(own) || SHARED.contains(other.get())) {
                        continue;
                    }
                    if (other.get().equals("setup") || !isService(target)) {
                        events.add(SimpleConditionEvent.violated(d, d.getDescription()));
                    }
                }
            }
        };
    }
}
