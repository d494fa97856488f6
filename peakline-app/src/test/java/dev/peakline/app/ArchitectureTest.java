package dev.peakline.app;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The dependency rules of ARCHITECTURE.md, checked by the build. */
@AnalyzeClasses(packages = "dev.peakline", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {
    static final String[] CORE = {
        "dev.peakline.units..",
        "dev.peakline.domain..",
        "dev.peakline.reference..",
        "dev.peakline.accounting..",
        "dev.peakline.rollup..",
        "dev.peakline.demo..",
        "dev.peakline.problems.."
    };

    @ArchTest
    static final ArchRule coreUsesTheJdkOnly = noClasses()
            .that()
            .resideInAnyPackage(CORE)
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(
                    "org.springframework..",
                    "java.sql..",
                    "javax.sql..",
                    "org.apache.poi..",
                    "de.siegmar..",
                    "picocli..",
                    "org.apache.logging..",
                    "org.slf4j..",
                    "dev.peakline.io..",
                    "dev.peakline.app..",
                    "dev.peakline.store..");

    @ArchTest
    static final ArchRule ioDoesNotReachIntoTheApp = noClasses()
            .that()
            .resideInAPackage("dev.peakline.io..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("dev.peakline.app..", "picocli..");

    @ArchTest
    static final ArchRule noPackageCycles =
            slices().matching("dev.peakline.(*)..").should().beFreeOfCycles();

    @ArchTest
    static final ArchRule consoleOutputOnlyInTheCli = noClasses()
            .that()
            .resideOutsideOfPackage("dev.peakline.app.cli..")
            .should()
            .accessField(System.class, "out")
            .orShould()
            .accessField(System.class, "err")
            .orShould()
            .callMethod(Throwable.class, "printStackTrace");
}
