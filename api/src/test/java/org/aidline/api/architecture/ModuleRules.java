package org.aidline.api.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import com.tngtech.archunit.library.dependencies.SlicesRuleDefinition;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The module rules of ARCHITECTURE.md for the modules under a root package, by pattern: a module
 * is any package {@code <root>.<module>}, a feature any package below it, so that a new module or
 * feature is covered the day it appears. Applied to the service by {@link ArchitectureTests} and
 * to broken fixtures by {@link ArchitectureSelfTests}.
 */
final class ModuleRules {

    /**
     * The modules in their order: each may use only those before it; the application ({@code api})
     * uses the domain modules; {@code dev} (embedded servers, never in the production jar) comes last.
     */
    static final List<String> ORDER = List.of("intake", "notification", "registry", "supervision", "api", "dev");

    /** Infrastructure sub-packages of a module, where Spring, R2DBC and Jackson belong. */
    private static final List<String> EDGES = List.of("persistence", "web", "provider", "redis", "background");

    private final String root;
    private final Pattern module;

    ModuleRules(String root) {
        this.root = root;
        this.module = Pattern.compile("^" + Pattern.quote(root) + "\\.([a-z]+)(\\..*)?$");
    }

    /** Any module depends only on modules before it in {@link #ORDER}; a module not in the order may not exist. */
    ArchRule modulesDependOnlyOnEarlierModules() {
        return classes().that().resideInAPackage(root + "..")
                .should(new ArchCondition<JavaClass>("depend only on modules before their own") {
                    @Override
                    public void check(JavaClass origin, ConditionEvents events) {
                        Optional<String> from = moduleOf(origin.getPackageName());
                        if (from.isEmpty()) {
                            return;
                        }
                        if (!ORDER.contains(from.get())) {
                            events.add(SimpleConditionEvent.violated(origin, origin.getName() + " is in module " + from.get()
                                    + ", which is not in the module order " + ORDER));
                            return;
                        }
                        for (Dependency dependency : origin.getDirectDependenciesFromSelf()) {
                            Optional<String> to = moduleOf(dependency.getTargetClass().getPackageName());
                            if (to.isPresent() && !to.get().equals(from.get())
                                    && ORDER.indexOf(to.get()) > ORDER.indexOf(from.get())) {
                                events.add(SimpleConditionEvent.violated(dependency, from.get() + " may not use the later module "
                                        + to.get() + ": " + dependency.getDescription()));
                            }
                        }
                    }
                });
    }

    /** Another module's persistence is its own: modules meet through published types, events and views. */
    ArchRule noModuleReachesIntoAnotherModulesPersistence() {
        return classes().that().resideInAPackage(root + "..")
                .should(new ArchCondition<JavaClass>("not use another module's persistence") {
                    @Override
                    public void check(JavaClass origin, ConditionEvents events) {
                        Optional<String> from = moduleOf(origin.getPackageName());
                        for (Dependency dependency : origin.getDirectDependenciesFromSelf()) {
                            String target = dependency.getTargetClass().getPackageName();
                            Optional<String> to = moduleOf(target);
                            if (from.isPresent() && to.isPresent() && !to.get().equals(from.get()) && target.contains(".persistence")) {
                                events.add(SimpleConditionEvent.violated(dependency, from.get() + " reaches into " + to.get()
                                        + "'s persistence: " + dependency.getDescription()));
                            }
                        }
                    }
                });
    }

    /** Feature packages (the domain) speak Java and Reactor; Spring, R2DBC and Jackson stay at the edges. */
    ArchRule featureDomainsAreFreeOfSpringR2dbcAndJackson() {
        return noClasses().that().resideInAPackage(root + ".*.*..")
                .and().resideOutsideOfPackages(EDGES.stream().map(edge -> root + ".*.." + edge + "..").toArray(String[]::new))
                .and().resideOutsideOfPackage(root + ".api..")
                .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "io.r2dbc..", "tools.jackson..")
                .allowEmptyShould(true);
    }

    /** No cycles between the features of any module. */
    ArchRule featuresAreFreeOfCycles() {
        return SlicesRuleDefinition.slices().matching(root + ".(*).(*)..").should().beFreeOfCycles();
    }

    private Optional<String> moduleOf(String packageName) {
        Matcher matcher = module.matcher(packageName);
        return matcher.matches() ? Optional.of(matcher.group(1)) : Optional.empty();
    }
}
