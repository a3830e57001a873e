package org.aidline.api.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.EvaluationResult;
import org.junit.jupiter.api.Test;

/**
 * Each architecture rule, applied to a deliberately broken fixture (the packages under
 * {@code fixture}, laid out as modules are), must fail, naming the violation it exists for.
 */
class ArchitectureSelfTests {

    private static final String FIXTURE = "org.aidline.api.architecture.fixture";
    private static final JavaClasses BROKEN = new ClassFileImporter().importPackages(FIXTURE);
    private static final ModuleRules RULES = new ModuleRules(FIXTURE);

    @Test
    void anEarlierModuleUsingALaterOneFails() {
        EvaluationResult result = RULES.modulesDependOnlyOnEarlierModules().evaluate(BROKEN);

        assertThat(result.hasViolation()).isTrue();
        assertThat(result.getFailureReport().getDetails())
                .anySatisfy(line -> assertThat(line).contains("intake may not use the later module notification"))
                .anySatisfy(line -> assertThat(line).contains("which is not in the module order"));
    }

    @Test
    void reachingIntoAnotherModulesPersistenceFails() {
        EvaluationResult result = RULES.noModuleReachesIntoAnotherModulesPersistence().evaluate(BROKEN);

        assertThat(result.getFailureReport().getDetails())
                .anySatisfy(line -> assertThat(line).contains("notification reaches into intake's persistence"));
    }

    @Test
    void springInAFeatureDomainFails() {
        EvaluationResult result = RULES.featureDomainsAreFreeOfSpringR2dbcAndJackson().evaluate(BROKEN);

        assertThat(result.getFailureReport().getDetails())
                .anySatisfy(line -> assertThat(line).contains("FilingDesk").contains("org.springframework"));
    }

    @Test
    void theFixtureIsOtherwiseClean() {
        // The persistence edge may use Spring: only the domain class is reported.
        EvaluationResult result = RULES.featureDomainsAreFreeOfSpringR2dbcAndJackson().evaluate(BROKEN);

        assertThat(result.getFailureReport().getDetails()).noneSatisfy(line -> assertThat(line).contains("ReportRows"));
    }
}
