package org.aidline.api.operations;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.RecordComponent;
import java.net.URL;
import java.util.Collections;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.source.ConfigurationProperty;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName;
import org.springframework.boot.context.properties.source.ConfigurationPropertySource;
import org.springframework.boot.context.properties.source.ConfigurationPropertyState;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import org.springframework.util.ClassUtils;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The properties the service reads, to tell whether an environment variable binds to one: Spring Boot's own (the
 * {@code META-INF/spring-configuration-metadata.json} every Boot jar ships: spring.*, management.*, server.*) and the
 * service's (every {@code @ConfigurationProperties} record under {@code org.aidline}, component by component, nested
 * records followed; a map or list is a leaf whose descendants all bind). A variable binds when Spring's own
 * environment-variable mapping ({@link SystemEnvironmentPropertySource} through {@link ConfigurationPropertySource})
 * finds it under one of these names: exactly what relaxed binding will do at start-up.
 */
final class KnownProperties {

    private final Set<String> leaves = new TreeSet<>();
    private final Set<String> containers = new TreeSet<>();

    static KnownProperties ofTheService() throws IOException {
        KnownProperties known = new KnownProperties();
        known.readBootMetadata();
        known.readAidlineRecords();
        return known;
    }

    boolean binds(String environmentVariable) {
        ConfigurationPropertySource environment = ConfigurationPropertySource.from(
                new SystemEnvironmentPropertySource("chart", Map.of(environmentVariable, "value")));
        for (String name : leaves) {
            ConfigurationProperty found = environment.getConfigurationProperty(ConfigurationPropertyName.of(name));
            if (found != null) {
                return true;
            }
        }
        // A list or map takes a value of its own (a comma-separated list) or one per element or key.
        for (String name : containers) {
            ConfigurationPropertyName container = ConfigurationPropertyName.of(name);
            if (environment.getConfigurationProperty(container) != null
                    || environment.containsDescendantOf(container) == ConfigurationPropertyState.PRESENT) {
                return true;
            }
        }
        return false;
    }

    int size() {
        return leaves.size() + containers.size();
    }

    private void readBootMetadata() throws IOException {
        JsonMapper json = JsonMapper.builder().build();
        for (URL metadata : Collections.list(getClass().getClassLoader().getResources("META-INF/spring-configuration-metadata.json"))) {
            try (InputStream in = metadata.openStream()) {
                for (JsonNode property : json.readTree(in).path("properties")) {
                    String name = property.path("name").asString();
                    if (ConfigurationPropertyName.isValid(name)) {
                        String type = property.has("type") ? property.get("type").asString() : "";
                        (type.startsWith("java.util.Map") || type.startsWith("java.util.List") ? containers : leaves).add(name);
                    }
                }
            }
        }
    }

    private void readAidlineRecords() {
        ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter(new AnnotationTypeFilter(ConfigurationProperties.class));
        for (BeanDefinition candidate : scanner.findCandidateComponents("org.aidline")) {
            Class<?> type = ClassUtils.resolveClassName(candidate.getBeanClassName(), getClass().getClassLoader());
            ConfigurationProperties annotation = type.getAnnotation(ConfigurationProperties.class);
            String prefix = annotation.value().isEmpty() ? annotation.prefix() : annotation.value();
            addComponents(prefix, type);
        }
    }

    private void addComponents(String prefix, Class<?> type) {
        if (!type.isRecord()) {
            throw new IllegalStateException(type + " is not a record: teach KnownProperties its properties");
        }
        for (RecordComponent component : type.getRecordComponents()) {
            String name = prefix + "." + kebab(component.getName());
            Class<?> componentType = component.getType();
            if (componentType.isRecord() && componentType.getName().startsWith("org.aidline")) {
                addComponents(name, componentType);
            } else if (Map.class.isAssignableFrom(componentType) || Iterable.class.isAssignableFrom(componentType)) {
                containers.add(name);
            } else {
                leaves.add(name);
            }
        }
    }

    private static String kebab(String camel) {
        return camel.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(java.util.Locale.ROOT);
    }
}
