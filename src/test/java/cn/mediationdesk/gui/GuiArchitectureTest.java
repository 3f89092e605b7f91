package cn.mediationdesk.gui;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** The GUI's layering rules (STYLE.md): view models touch no controls; persistence only through its door. */
@AnalyzeClasses(packages = "cn.mediationdesk.gui", importOptions = ImportOption.DoNotIncludeTests.class)
class GuiArchitectureTest {

    @ArchTest
    static final ArchRule viewModelsTouchNoControls = noClasses()
            .that().haveSimpleNameEndingWith("ViewModel")
            .should().dependOnClassesThat().resideInAnyPackage("javafx.scene..", "javafx.stage..",
                    "atlantafx..", "org.kordamp.ikonli..")
            .because("a view model is tested without a screen");

    @ArchTest
    static final ArchRule persistenceOnlyThroughDatabaseAndLocation = noClasses()
            .that().resideInAPackage("cn.mediationdesk.gui..")
            .should().dependOnClassesThat(new DescribedPredicate<JavaClass>("persistence other than Database and DatabaseLocation") {
                @Override
                public boolean test(JavaClass c) {
                    return c.getPackageName().equals("cn.mediationdesk.persistence")
                            && !c.getName().equals("cn.mediationdesk.persistence.Database")
                            && !c.getName().startsWith("cn.mediationdesk.persistence.DatabaseLocation");
                }
            })
            .because("everything but opening goes through the logic services");

    @ArchTest
    static final ArchRule nothingInterruptsBackgroundWork = noClasses()
            .that().resideInAPackage("cn.mediationdesk.gui..")
            .should().callMethod(javafx.concurrent.Task.class, "cancel")
            .orShould().callMethod(javafx.concurrent.Task.class, "cancel", boolean.class)
            .orShould().callMethod(java.util.concurrent.Future.class, "cancel", boolean.class)
            .orShould().callMethod(java.util.concurrent.ExecutorService.class, "shutdownNow")
            .because("an interrupt during H2 file I/O breaks the store");
}
