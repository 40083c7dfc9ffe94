package dev.aigcdesk;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.library.dependencies.SliceAssignment;
import com.tngtech.archunit.library.dependencies.SliceIdentifier;

/**
 * The rules of the house (README, "The house"), checked on the compiled main classes. No rule may
 * pass with nothing to check, and the root package has no exemption.
 */
@AnalyzeClasses(packages = "dev.aigcdesk", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    private static final String ROOT = "dev.aigcdesk";

    /** Bottom up: domain ← services ← sync ← app ← ui, cli ← Launcher. */
    @ArchTest
    static final ArchRule layers = layeredArchitecture()
            .consideringOnlyDependenciesInLayers()
            .layer("Domain")
            .definedBy("dev.aigcdesk.domain..")
            .layer("Services")
            .definedBy(
                    "dev.aigcdesk.pacing..",
                    "dev.aigcdesk.io..",
                    "dev.aigcdesk.config..",
                    "dev.aigcdesk.api..",
                    "dev.aigcdesk.library..",
                    "dev.aigcdesk.download..",
                    "dev.aigcdesk.store..",
                    "dev.aigcdesk.demo..",
                    "dev.aigcdesk.system..",
                    "dev.aigcdesk.look..")
            .layer("Sync")
            .definedBy("dev.aigcdesk.sync..")
            .layer("App")
            .definedBy("dev.aigcdesk.app..")
            .layer("Ui")
            .definedBy("dev.aigcdesk.ui..")
            .layer("Cli")
            .definedBy("dev.aigcdesk.cli..")
            .layer("Launcher")
            .definedBy(ROOT)
            .whereLayer("Launcher")
            .mayNotBeAccessedByAnyLayer()
            .whereLayer("Ui")
            .mayOnlyBeAccessedByLayers("Launcher")
            .whereLayer("Cli")
            .mayOnlyBeAccessedByLayers("Launcher")
            .whereLayer("App")
            .mayOnlyBeAccessedByLayers("Ui", "Cli", "Launcher")
            .whereLayer("Sync")
            .mayOnlyBeAccessedByLayers("App", "Ui", "Cli")
            .whereLayer("Services")
            .mayOnlyBeAccessedByLayers("Sync", "App", "Ui", "Cli", "Launcher")
            .whereLayer("Domain")
            .mayOnlyBeAccessedByLayers("Services", "Sync", "App", "Ui", "Cli", "Launcher");

    @ArchTest
    static final ArchRule onlyLauncherInTheRoot = classes()
            .that()
            .resideInAPackage(ROOT)
            .should()
            .haveSimpleNameStartingWith("Launcher")
            .because("the root package holds the entry point only; a running app lives in app");

    @ArchTest
    static final ArchRule everyPackageIsInALayer = classes()
            .that()
            .resideInAPackage("dev.aigcdesk..")
            .should()
            .resideInAnyPackage(
                    "dev.aigcdesk",
                    "dev.aigcdesk.domain..",
                    "dev.aigcdesk.pacing..",
                    "dev.aigcdesk.io..",
                    "dev.aigcdesk.config..",
                    "dev.aigcdesk.api..",
                    "dev.aigcdesk.library..",
                    "dev.aigcdesk.download..",
                    "dev.aigcdesk.store..",
                    "dev.aigcdesk.demo..",
                    "dev.aigcdesk.system..",
                    "dev.aigcdesk.look..",
                    "dev.aigcdesk.sync..",
                    "dev.aigcdesk.app..",
                    "dev.aigcdesk.ui..",
                    "dev.aigcdesk.cli..")
            .because("a package outside the layers would escape the layered rule");

    @ArchTest
    static final ArchRule domainUsesOnlyTheJdk = noClasses()
            .that()
            .resideInAPackage("dev.aigcdesk.domain..")
            .should()
            .dependOnClassesThat()
            .resideOutsideOfPackages("dev.aigcdesk.domain..", "java..")
            .because("the domain is plain Java records and rules");

    @ArchTest
    static final ArchRule onlyApiTouchesRetrofitAndMoshi = noClasses()
            .that()
            .resideOutsideOfPackages("dev.aigcdesk.api..", "dev.aigcdesk.demo..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("retrofit2..", "com.squareup.moshi..")
            .because(
                    "the client's wire format lives in one place; the demo, standing in for the service, reads what is sent to it");

    @ArchTest
    static final ArchRule theDemoNeverUsesRetrofit = noClasses()
            .that()
            .resideInAPackage("dev.aigcdesk.demo..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("retrofit2..");

    @ArchTest
    static final ArchRule onlyApiAndDownloadTouchOkHttp = noClasses()
            .that()
            .resideOutsideOfPackages("dev.aigcdesk.api..", "dev.aigcdesk.download..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("okhttp3..", "okio..")
            .because("the app builds its client through api.ServiceHttp; everyone else goes through api and download");

    @ArchTest
    static final ArchRule onlyCliTouchesPicocli = noClasses()
            .that()
            .resideOutsideOfPackage("dev.aigcdesk.cli..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("picocli..")
            .because("sessions are opened with a plain SessionOptions record");

    @ArchTest
    static final ArchRule appNeverUsesCliOrUi = noClasses()
            .that()
            .resideInAPackage("dev.aigcdesk.app..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("dev.aigcdesk.cli..", "dev.aigcdesk.ui..", "javafx..");

    @ArchTest
    static final ArchRule uiNeverDoesIoItself = noClasses()
            .that()
            .resideInAPackage("dev.aigcdesk.ui..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(
                    "retrofit2..", "com.squareup.moshi..", "okhttp3..", "okio..", "java.sql..", "java.net.http..")
            .orShould()
            .dependOnClassesThat()
            .haveFullyQualifiedName("java.nio.file.Files")
            .orShould()
            .dependOnClassesThat()
            .haveFullyQualifiedName("java.io.FileInputStream")
            .orShould()
            .dependOnClassesThat()
            .haveFullyQualifiedName("java.io.FileOutputStream")
            .orShould()
            .dependOnClassesThat()
            .haveFullyQualifiedName("javax.imageio.ImageIO")
            .because("the window asks services and observes them; it never does network, database or file work");

    @ArchTest
    static final ArchRule demoStandsAlone = noClasses()
            .that()
            .resideInAPackage("dev.aigcdesk.demo..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(
                    "dev.aigcdesk.api..",
                    "dev.aigcdesk.download..",
                    "dev.aigcdesk.library..",
                    "dev.aigcdesk.config..",
                    "dev.aigcdesk.system..",
                    "dev.aigcdesk.pacing..")
            .because("the demo stands in for the remote service and shares nothing with the client but the domain");

    @ArchTest
    static final ArchRule configUsesOnlyDomain = noClasses()
            .that()
            .resideInAPackage("dev.aigcdesk.config..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(
                    "dev.aigcdesk.api..",
                    "dev.aigcdesk.download..",
                    "dev.aigcdesk.library..",
                    "dev.aigcdesk.demo..",
                    "dev.aigcdesk.system..");

    @ArchTest
    static final ArchRule libraryUsesOnlyDomain = noClasses()
            .that()
            .resideInAPackage("dev.aigcdesk.library..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(
                    "dev.aigcdesk.api..",
                    "dev.aigcdesk.download..",
                    "dev.aigcdesk.config..",
                    "dev.aigcdesk.demo..",
                    "dev.aigcdesk.system..");

    /** The library is a port: only the composition root picks an engine; nothing else names an adapter. */
    @ArchTest
    static final ArchRule onlyTheCompositionRootNamesTheLibrarysEngine = noClasses()
            .that()
            .resideOutsideOfPackages(
                    "dev.aigcdesk.library.sqlite..", "dev.aigcdesk.library.postgres..", "dev.aigcdesk.app..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("dev.aigcdesk.library.sqlite..", "dev.aigcdesk.library.postgres..");

    /** The SQL both engines speak is shared by their adapters only. */
    @ArchTest
    static final ArchRule onlyAdaptersBuildOnTheSharedSql = noClasses()
            .that()
            .resideOutsideOfPackages(
                    "dev.aigcdesk.library.sql..", "dev.aigcdesk.library.sqlite..", "dev.aigcdesk.library.postgres..")
            .should()
            .dependOnClassesThat()
            .resideInAPackage("dev.aigcdesk.library.sql..");

    @ArchTest
    static final ArchRule onlyTheSqlAdaptersTouchJdbc = noClasses()
            .that()
            .resideOutsideOfPackages(
                    "dev.aigcdesk.library.sql..", "dev.aigcdesk.library.sqlite..", "dev.aigcdesk.library.postgres..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("java.sql..", "org.sqlite..", "org.postgresql..");

    /** Each engine's own words stay in its adapter. */
    @ArchTest
    static final ArchRule theSharedSqlNamesNoEngine = noClasses()
            .that()
            .resideInAPackage("dev.aigcdesk.library.sql..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(
                    "org.sqlite..",
                    "org.postgresql..",
                    "dev.aigcdesk.library.sqlite..",
                    "dev.aigcdesk.library.postgres..");

    /** Thread pools are made in one place (ThreadPools), named and daemon; the demo service stands alone. */
    @ArchTest
    static final ArchRule poolsAreMadeInOnePlace = noClasses()
            .that()
            .resideOutsideOfPackages("dev.aigcdesk.pacing..", "dev.aigcdesk.demo..")
            .should()
            .dependOnClassesThat()
            .haveFullyQualifiedName("java.util.concurrent.Executors");

    /** View models hold state and talk to services; they never build or touch a node, so they run in plain JUnit. */
    @ArchTest
    static final ArchRule viewModelsUseNoNodes = noClasses()
            .that()
            .haveSimpleNameEndingWith("ViewModel")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("javafx.scene..", "javafx.stage..", "org.controlsfx..", "atlantafx..");

    /** View models are given the services they use, not the window's whole bag of them. */
    @ArchTest
    static final ArchRule viewModelsTakeNarrowServices = noClasses()
            .that()
            .haveSimpleNameEndingWith("ViewModel")
            .should()
            .dependOnClassesThat()
            .haveFullyQualifiedName("dev.aigcdesk.ui.common.Desk");

    /** The services below sync, split so the arrows inside them are checked too: io and pacing at the bottom, the ports and clients above. */
    @ArchTest
    static final ArchRule servicesAreLayeredInside = layeredArchitecture()
            .consideringOnlyDependenciesInLayers()
            .layer("Basics")
            .definedBy("dev.aigcdesk.io..", "dev.aigcdesk.pacing..")
            .layer("Config")
            .definedBy("dev.aigcdesk.config..")
            .layer("Api")
            .definedBy("dev.aigcdesk.api..")
            .layer("Library")
            .definedBy("dev.aigcdesk.library..")
            .layer("Download")
            .definedBy("dev.aigcdesk.download..")
            .layer("Store")
            .definedBy("dev.aigcdesk.store..")
            .layer("System")
            .definedBy("dev.aigcdesk.system..")
            .layer("Demo")
            .definedBy("dev.aigcdesk.demo..")
            .whereLayer("Store")
            .mayNotBeAccessedByAnyLayer()
            .whereLayer("Api")
            .mayNotBeAccessedByAnyLayer()
            .whereLayer("Library")
            .mayNotBeAccessedByAnyLayer()
            .whereLayer("Demo")
            .mayNotBeAccessedByAnyLayer()
            .whereLayer("System")
            .mayNotBeAccessedByAnyLayer()
            .whereLayer("Download")
            .mayOnlyBeAccessedByLayers("Store")
            .whereLayer("Config")
            .mayNotBeAccessedByAnyLayer();

    /** The window reaches the machine (files dropped, poster frames, opening, notifications) only through OsDesktop, which the shell supplies. */
    @ArchTest
    static final ArchRule uiDoesNoFileWorkThroughSystem = noClasses()
            .that()
            .resideInAPackage("dev.aigcdesk.ui..")
            .and()
            .resideOutsideOfPackage("dev.aigcdesk.ui.shell..")
            .should()
            .dependOnClassesThat()
            .resideInAPackage("dev.aigcdesk.system..");

    /** The archive is a port too: only the composition root picks where files live. */
    @ArchTest
    static final ArchRule onlyTheCompositionRootNamesTheStoresKind = noClasses()
            .that()
            .resideOutsideOfPackages("dev.aigcdesk.store.folder..", "dev.aigcdesk.store.s3..", "dev.aigcdesk.app..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("dev.aigcdesk.store.folder..", "dev.aigcdesk.store.s3..");

    /** Only the bucket's adapter speaks S3. */
    @ArchTest
    static final ArchRule onlyTheS3AdapterTouchesTheAwsSdk = noClasses()
            .that()
            .resideOutsideOfPackage("dev.aigcdesk.store.s3..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("software.amazon..");

    /** The port itself names no engine either. */
    @ArchTest
    static final ArchRule thePortNamesNoEngine = noClasses()
            .that()
            .resideInAPackage("dev.aigcdesk.library")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(
                    "dev.aigcdesk.library.sql..", "dev.aigcdesk.library.sqlite..", "dev.aigcdesk.library.postgres..");

    @ArchTest
    static final ArchRule servicesNeverUseJavaFx = noClasses()
            .that()
            .resideInAnyPackage(
                    "dev.aigcdesk.domain..",
                    "dev.aigcdesk.api..",
                    "dev.aigcdesk.download..",
                    "dev.aigcdesk.library..",
                    "dev.aigcdesk.sync..",
                    "dev.aigcdesk.config..",
                    "dev.aigcdesk.demo..",
                    "dev.aigcdesk.app..",
                    "dev.aigcdesk.cli..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("javafx..", "org.controlsfx..", "atlantafx..", "org.kordamp..");

    @ArchTest
    static final ArchRule loggingGoesThroughSlf4j =
            noClasses().should().dependOnClassesThat().resideInAnyPackage("java.util.logging..", "org.apache.log4j..");

    /** Every package its own slice: ui.main, ui.detail, … and the root too. */
    @ArchTest
    static final ArchRule packagesHaveNoCycles = slices().assignedFrom(new SliceAssignment() {
                @Override
                public SliceIdentifier getIdentifierOf(JavaClass c) {
                    return c.getPackageName().startsWith(ROOT)
                            ? SliceIdentifier.of(c.getPackageName())
                            : SliceIdentifier.ignore();
                }

                @Override
                public String getDescription() {
                    return "each package of dev.aigcdesk";
                }
            })
            .should()
            .beFreeOfCycles();
}
