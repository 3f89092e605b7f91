package cn.mediationdesk;

import cn.mediationdesk.logic.store.Store;
import cn.mediationdesk.logic.store.Tx;
import cn.mediationdesk.persistence.Database;
import cn.mediationdesk.persistence.DatabaseLocation;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.core.importer.Location;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.belongToAnyOf;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideOutsideOfPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The layers of STYLE.md as rules: model knows nothing, logic knows only the model, persistence
 * knows no screen or command, screens and commands reach the database only through
 * {@link Database} and {@link DatabaseLocation}, and only the GUI touches JavaFX. There are no
 * exceptions; a rule that fails is a design question, not something to loosen here.
 */
@AnalyzeClasses(packages = "cn.mediationdesk",
        importOptions = {ImportOption.DoNotIncludeTests.class, ArchitectureTest.NoTestClassesOfAnyBuildDir.class})
class ArchitectureTest {
    private static final String OURS = "cn.mediationdesk..";
    private static final String MODEL = "cn.mediationdesk.model..";
    private static final String LOGIC = "cn.mediationdesk.logic..";
    private static final String PERSISTENCE = "cn.mediationdesk.persistence..";
    private static final String GUI = "cn.mediationdesk.gui..";
    private static final String CLI = "cn.mediationdesk.cli..";

    private static final String[] JAVAFX = {"javafx..", "com.sun.javafx..", "org.controlsfx..", "atlantafx..",
            "org.kordamp.ikonli.."};
    private static final String[] DATABASE_LIBRARIES = {"java.sql..", "javax.sql..", "org.jdbi..", "org.flywaydb..",
            "org.h2..", "org.postgresql.."};

    @ArchTest
    static final ArchRule modelDependsOnNothingElseOfOurs = classes().that().resideInAPackage(MODEL)
            .should().onlyDependOnClassesThat(resideOutsideOfPackage(OURS).or(resideInAnyPackage(MODEL)));

    @ArchTest
    static final ArchRule modelUsesNoFrameworks = noClasses().that().resideInAPackage(MODEL)
            .should().dependOnClassesThat().resideInAnyPackage(concat(JAVAFX, DATABASE_LIBRARIES, "picocli.."));

    @ArchTest
    static final ArchRule logicDependsOnlyOnModelAndItself = classes().that().resideInAPackage(LOGIC)
            .should().onlyDependOnClassesThat(resideOutsideOfPackage(OURS).or(resideInAnyPackage(MODEL, LOGIC)));

    @ArchTest
    static final ArchRule logicUsesNoDatabaseGuiOrCommandLineLibraries = noClasses().that().resideInAPackage(LOGIC)
            .should().dependOnClassesThat().resideInAnyPackage(concat(JAVAFX, DATABASE_LIBRARIES, "picocli.."));

    @ArchTest
    static final ArchRule persistenceKnowsNoScreenOrCommand = noClasses().that().resideInAPackage(PERSISTENCE)
            .should().dependOnClassesThat().resideInAnyPackage(concat(JAVAFX, GUI, CLI, "picocli.."));

    @ArchTest
    static final ArchRule screensAndCommandsOpenTheDatabaseOnlyThroughDatabase = classes()
            .that().resideInAnyPackage(GUI, CLI)
            .should().onlyDependOnClassesThat(resideOutsideOfPackage(PERSISTENCE)
                    .or(belongToAnyOf(Database.class, DatabaseLocation.class)))
            .allowEmptyShould(true);

    @ArchTest
    static final ArchRule screensAndCommandsRunNoSql = noClasses().that().resideInAnyPackage(GUI, CLI)
            .should().dependOnClassesThat().resideInAnyPackage(DATABASE_LIBRARIES)
            .allowEmptyShould(true);

    /**
     * Only services open transactions, because they check who acts before they read or write: a
     * screen or command may hand the open database to a service, never run work in it itself.
     */
    @ArchTest
    static final ArchRule onlyServicesOpenTransactions = noClasses().that().resideInAnyPackage(GUI, CLI)
            .should().callMethod(Store.class, "read", Store.Work.class)
            .orShould().callMethod(Store.class, "write", Store.Work.class)
            .orShould().callMethod(Database.class, "read", Store.Work.class)
            .orShould().callMethod(Database.class, "write", Store.Work.class)
            .orShould().dependOnClassesThat().belongToAnyOf(Tx.class, Store.Work.class)
            .orShould().dependOnClassesThat().haveSimpleNameEndingWith("Repository")
            .because("security and audit live in the services, which own their transactions");

    @ArchTest
    static final ArchRule guiDoesNotUseTheCommandLine = noClasses().that().resideInAPackage(GUI)
            .should().dependOnClassesThat().resideInAnyPackage(CLI, "picocli..")
            .allowEmptyShould(true);

    @ArchTest
    static final ArchRule cliDoesNotUseTheGui = noClasses().that().resideInAPackage(CLI)
            .should().dependOnClassesThat().resideInAnyPackage(concat(JAVAFX, GUI))
            .allowEmptyShould(true);

    @ArchTest
    static final ArchRule onlyTheGuiUsesJavaFx = noClasses().that().resideOutsideOfPackage(GUI)
            .should().dependOnClassesThat().resideInAnyPackage(JAVAFX);

    @ArchTest
    static final ArchRule topPackagesAreFreeOfCycles = slices().matching("cn.mediationdesk.(*)..")
            .should().beFreeOfCycles();

    /**
     * {@link ImportOption.DoNotIncludeTests} knows {@code target/test-classes} only; the pom lets a
     * build use another directory ({@code -DbuildDir=…}), whose test classes must stay out too.
     */
    public static final class NoTestClassesOfAnyBuildDir implements ImportOption {
        @Override
        public boolean includes(Location location) {
            return !location.contains("/test-classes/");
        }
    }

    private static String[] concat(String[] first, String... more) {
        String[] all = new String[first.length + more.length];
        System.arraycopy(first, 0, all, 0, first.length);
        System.arraycopy(more, 0, all, first.length, more.length);
        return all;
    }

    private static String[] concat(String[] first, String[] second, String... more) {
        return concat(concat(first, second), more);
    }
}
