package org.aidline.api.architecture;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The arrows of ARCHITECTURE.md, kept true by the build; each rule has a self-test in {@link ArchitectureSelfTests}. */
@AnalyzeClasses(packages = "org.aidline", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTests {

    private static final ModuleRules RULES = new ModuleRules("org.aidline");

    /** intake knows nothing of notification, supervision or the application; notification nothing of supervision; and so on. */
    @ArchTest
    static final ArchRule modulesDependOnlyOnEarlierModules = RULES.modulesDependOnlyOnEarlierModules();

    /** Modules meet through published types, events and views, never through another's persistence classes. */
    @ArchTest
    static final ArchRule noModuleReachesIntoAnotherModulesPersistence = RULES.noModuleReachesIntoAnotherModulesPersistence();

    /** Every feature package of every module is domain: plain Java and Reactor, Spring and R2DBC only at its edges. */
    @ArchTest
    static final ArchRule featureDomainsAreFreeOfSpringR2dbcAndJackson = RULES.featureDomainsAreFreeOfSpringR2dbcAndJackson();
}
