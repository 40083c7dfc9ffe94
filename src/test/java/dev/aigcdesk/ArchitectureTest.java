package dev.aigcdesk;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The rules of the house (architecture.md), checked on the compiled main classes. */
@AnalyzeClasses(packages = "dev.aigcdesk", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    private static final String[] THIRD_PARTY_NETWORK = {"retrofit2..", "com.squareup.moshi..", "okhttp3..", "okio.."};

    @ArchTest
    static final ArchRule domainUsesOnlyTheJdk = noClasses().that().resideInAPackage("dev.aigcdesk.domain..")
            .should().dependOnClassesThat().resideOutsideOfPackages("dev.aigcdesk.domain..", "java..")
            .because("the domain is plain Java records and rules");

    @ArchTest
    static final ArchRule onlyApiTouchesRetrofitAndMoshi = noClasses().that().resideOutsideOfPackage("dev.aigcdesk.api..")
            .should().dependOnClassesThat().resideInAnyPackage("retrofit2..", "com.squareup.moshi..");

    @ArchTest
    static final ArchRule onlyApiAndDownloadTouchOkHttp = noClasses()
            .that().resideOutsideOfPackages("dev.aigcdesk.api..", "dev.aigcdesk.download..", "dev.aigcdesk")
            .should().dependOnClassesThat().resideInAnyPackage("okhttp3..", "okio..")
            .because("the root package (Launcher, Wiring, DesktopShell) builds the client; everyone else goes through api and download");

    @ArchTest
    static final ArchRule uiNeverDoesIoItself = noClasses().that().resideInAPackage("dev.aigcdesk.ui..")
            .should().dependOnClassesThat().resideInAnyPackage(concat(THIRD_PARTY_NETWORK, "java.sql..", "java.net.http.."))
            .orShould().dependOnClassesThat().haveFullyQualifiedName("java.nio.file.Files")
            .orShould().dependOnClassesThat().haveFullyQualifiedName("java.io.FileInputStream")
            .orShould().dependOnClassesThat().haveFullyQualifiedName("java.io.FileOutputStream")
            .allowEmptyShould(true)
            .because("the window asks services and observes them; it never does network, database or file work");

    @ArchTest
    static final ArchRule demoStandsAlone = noClasses().that().resideInAPackage("dev.aigcdesk.demo..")
            .should().dependOnClassesThat().resideInAnyPackage("dev.aigcdesk.api..", "dev.aigcdesk.download..", "dev.aigcdesk.library..",
                    "dev.aigcdesk.sync..", "dev.aigcdesk.cli..", "dev.aigcdesk.ui..", "dev.aigcdesk.config..")
            .because("the demo stands in for the remote service and shares nothing with the client but the domain");

    @ArchTest
    static final ArchRule configUsesOnlyDomain = noClasses().that().resideInAPackage("dev.aigcdesk.config..")
            .should().dependOnClassesThat().resideInAnyPackage("dev.aigcdesk.api..", "dev.aigcdesk.download..", "dev.aigcdesk.library..",
                    "dev.aigcdesk.sync..", "dev.aigcdesk.cli..", "dev.aigcdesk.ui..", "dev.aigcdesk.demo..");

    @ArchTest
    static final ArchRule libraryUsesOnlyDomain = noClasses().that().resideInAPackage("dev.aigcdesk.library..")
            .should().dependOnClassesThat().resideInAnyPackage("dev.aigcdesk.api..", "dev.aigcdesk.download..", "dev.aigcdesk.sync..",
                    "dev.aigcdesk.cli..", "dev.aigcdesk.ui..", "dev.aigcdesk.demo..")
            .allowEmptyShould(true);

    @ArchTest
    static final ArchRule cliNeverUsesUi = noClasses().that().resideInAPackage("dev.aigcdesk.cli..")
            .should().dependOnClassesThat().resideInAnyPackage("dev.aigcdesk.ui..", "javafx..");

    @ArchTest
    static final ArchRule servicesNeverUseJavaFx = noClasses()
            .that().resideInAnyPackage("dev.aigcdesk.domain..", "dev.aigcdesk.api..", "dev.aigcdesk.download..", "dev.aigcdesk.library..",
                    "dev.aigcdesk.sync..", "dev.aigcdesk.config..", "dev.aigcdesk.demo..")
            .should().dependOnClassesThat().resideInAnyPackage("javafx..", "org.controlsfx..", "atlantafx..", "org.kordamp..");

    @ArchTest
    static final ArchRule loggingGoesThroughSlf4j = noClasses().should().dependOnClassesThat().resideInAnyPackage("java.util.logging..", "org.apache.log4j..");

    @ArchTest
    static final ArchRule packagesHaveNoCycles = slices().matching("dev.aigcdesk.(*)..").should().beFreeOfCycles();

    private static String[] concat(String[] a, String... b) {
        String[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
