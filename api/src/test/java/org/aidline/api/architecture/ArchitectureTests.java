package org.aidline.api.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The arrows of ARCHITECTURE.md, kept true by the build. */
@AnalyzeClasses(packages = "org.aidline", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTests {

    /** The intake domain (feature packages, not their persistence or web edges) speaks only Java and Reactor. */
    @ArchTest
    static final ArchRule intakeDomainIsFreeOfSpringAndR2dbc = noClasses()
            .that().resideInAnyPackage("org.aidline.intake.report", "org.aidline.intake.region", "org.aidline.intake.access",
                    "org.aidline.intake.money", "org.aidline.intake.personaldata", "org.aidline.intake.payment",
                    "org.aidline.intake.policy", "org.aidline.intake.review", "org.aidline.intake.ledger",
                    "org.aidline.intake.monitoring", "org.aidline.intake.verification", "org.aidline.supervision")
            .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "io.r2dbc..", "tools.jackson..");

    /** The grant domain too: documents later, identity at the visit and deadlines are plain Java and Reactor. */
    @ArchTest
    static final ArchRule grantDomainIsFreeOfSpringAndR2dbc = noClasses()
            .that().resideInAPackage("org.aidline.intake.grant")
            .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "io.r2dbc..", "tools.jackson..");

    @ArchTest
    static final ArchRule intakeKnowsNothingOfTheApplication = noClasses()
            .that().resideInAPackage("org.aidline.intake..")
            .should().dependOnClassesThat().resideInAnyPackage("org.aidline.api..", "org.aidline.notification..");

    @ArchTest
    static final ArchRule notificationNeverReachesIntoIntakeInternals = noClasses()
            .that().resideInAPackage("org.aidline.notification..")
            .should().dependOnClassesThat().resideInAnyPackage("org.aidline.intake..persistence..", "org.aidline.api..")
            // The notification module is still empty: the rule stands guard for when it fills.
            .allowEmptyShould(true);

    @ArchTest
    static final ArchRule webAdaptersDoNotTouchPersistence = noClasses()
            .that().resideInAPackage("org.aidline.api..")
            .should().dependOnClassesThat().resideInAPackage("org.aidline.intake..persistence..");
}
