package org.aidline.api.operations;

import static org.assertj.core.api.Assertions.assertThat;

import com.marcnuri.helm.Helm;
import com.marcnuri.helm.LintResult;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.aidline.api.support.IntegrationTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.result.method.annotation.RequestMappingHandlerMapping;
import org.yaml.snakeyaml.Yaml;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The Helm chart (deploy/helm/aidline) rendered by Helm's own engine (helm-java) for each environment, and read back
 * with a YAML parser against the running service: its probes, environment, images, resources, Ingresses and alerts.
 */
@IntegrationTest
class DeploymentChartTests {

    static final Path CHART = Path.of("..", "deploy", "helm", "aidline").toAbsolutePath().normalize();
    static final Set<String> ACTUATOR_PROBES = Set.of("/actuator/health/liveness", "/actuator/health/readiness");
    // Environment variables that are not Spring properties, each with whoever reads it.
    static final Map<String, String> NOT_SPRING_PROPERTIES = Map.of("JAVA_TOOL_OPTIONS", "the JVM itself");

    static KnownProperties known;

    @Autowired
    WebTestClient web;

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    @BeforeAll
    static void readTheServicesProperties() throws Exception {
        known = KnownProperties.ofTheService();
    }

    @Test
    void lintsCleanInStrictMode() {
        LintResult lint = new Helm(CHART).lint().strict().call();
        assertThat(lint.isFailed()).as("%s", lint.getMessages()).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "staging", "prod"})
    void probesAskTheActuatorOnTheManagementPort(String environment) {
        for (Map<String, Object> container : containers(render(environment), "Deployment")) {
            Map<String, Object> ports = new java.util.HashMap<>();
            for (Map<String, Object> port : list(container.get("ports"))) {
                ports.put((String) port.get("name"), port.get("containerPort"));
            }
            assertThat(ports).containsOnlyKeys("http", "management");
            assertThat(env(container)).containsEntry("MANAGEMENT_SERVER_PORT", String.valueOf(ports.get("management")));
            for (String probe : List.of("startupProbe", "livenessProbe", "readinessProbe")) {
                Map<String, Object> get = map(map(container.get(probe)).get("httpGet"));
                assertThat(get.get("port")).as("%s %s", environment, probe).isEqualTo("management");
                assertThat(ACTUATOR_PROBES).as("%s %s", environment, probe).contains((String) get.get("path"));
                // The endpoint is real: the service answers it (on its own port here, where tests keep the actuator).
                web.get().uri((String) get.get("path")).exchange().expectStatus().isOk();
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "staging", "prod"})
    void prometheusScrapesTheManagementPortAndOnlyIt(String environment) {
        List<Map<String, Object>> objects = render(environment);
        List<Map<String, Object>> monitors = ofKind(objects, "ServiceMonitor");
        assertThat(monitors).hasSize(1);
        Map<String, Object> selector = map(map(map(monitors.get(0).get("spec")).get("selector")).get("matchLabels"));
        List<Map<String, Object>> scraped = ofKind(objects, "Service").stream()
                .filter(service -> map(map(service.get("metadata")).get("labels")).entrySet().containsAll(selector.entrySet()))
                .toList();
        assertThat(scraped).as("%s: the Services the monitor selects", environment).hasSize(1);
        assertThat(list(map(scraped.get(0).get("spec")).get("ports"))).extracting(port -> port.get("targetPort"))
                .containsExactly("management");
        for (Map<String, Object> endpoint : list(map(monitors.get(0).get("spec")).get("endpoints"))) {
            assertThat(endpoint).containsEntry("port", "management").containsEntry("path", "/actuator/prometheus");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "staging", "prod"})
    void everyEnvironmentVariableBindsToARealProperty(String environment) {
        List<Map<String, Object>> objects = render(environment);
        Set<String> variables = new LinkedHashSet<>();
        for (String kind : List.of("Deployment", "Job")) {
            containers(objects, kind).forEach(container -> variables.addAll(env(container).keySet()));
        }
        for (Map<String, Object> external : ofKind(objects, "ExternalSecret")) {
            for (Map<String, Object> entry : list(map(external.get("spec")).get("data"))) {
                variables.add((String) entry.get("secretKey"));
            }
        }
        assertThat(variables).contains("SPRING_R2DBC_URL", "SPRING_PROFILES_ACTIVE", "MANAGEMENT_SERVER_PORT");
        assertThat(variables).allSatisfy(variable -> assertThat(NOT_SPRING_PROPERTIES.containsKey(variable) || known.binds(variable))
                .as("%s: %s binds to no property the service reads", environment, variable).isTrue());
    }

    @Test
    void theLocalStacksServiceIsConfiguredWithRealProperties() throws Exception {
        Map<String, Object> compose = map(new Yaml().load(java.nio.file.Files.readString(CHART.resolve("../../compose.yaml"))));
        Map<String, Object> service = map(map(compose.get("services")).get("aidline"));
        Set<String> variables = map(service.get("environment")).keySet();
        assertThat(variables).contains("SPRING_PROFILES_ACTIVE", "SPRING_R2DBC_URL", "MANAGEMENT_SERVER_PORT");
        assertThat(variables).allSatisfy(variable -> assertThat(known.binds(variable)).as("compose: %s binds to nothing", variable).isTrue());
        // The realm file the other services' tests import, mounted where Keycloak's --import-realm reads.
        assertThat(map(map(compose.get("services")).get("keycloak")).get("volumes").toString())
                .contains("./keycloak/aidline-realm.json:/opt/keycloak/data/import/");
    }

    @Test
    void aMisspelledVariableBindsToNothing() {
        assertThat(known.size()).isGreaterThan(500);
        assertThat(known.binds("AIDLINE_PAYMENTS_GATEWAY_BASE_URL")).isTrue();
        assertThat(known.binds("SPRING_SECURITY_OAUTH2_RESOURCESERVER_JWT_ISSUER_URI")).isTrue();
        assertThat(known.binds("AIDLINE_PAYMENT_GATEWAY_BASE_URL")).isFalse();
        assertThat(known.binds("SPRING_R2DBC_URI")).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "staging", "prod"})
    void everyContainerHasResourcesAndAPinnedImage(String environment) {
        List<Map<String, Object>> objects = render(environment);
        List<Map<String, Object>> all = new ArrayList<>(containers(objects, "Deployment"));
        all.addAll(containers(objects, "Job"));
        assertThat(all).isNotEmpty();
        for (Map<String, Object> container : all) {
            Map<String, Object> resources = map(container.get("resources"));
            for (String bound : List.of("requests", "limits")) {
                assertThat(map(resources.get(bound))).as("%s %s %s", environment, container.get("name"), bound)
                        .containsKeys("cpu", "memory");
            }
            String image = (String) container.get("image");
            assertThat(image).as(environment).matches(".+(:[A-Za-z0-9_][A-Za-z0-9_.-]*|@sha256:[0-9a-f]{64})$")
                    .doesNotEndWith(":latest");
            assertThat(map(container.get("securityContext"))).containsEntry("readOnlyRootFilesystem", true)
                    .containsEntry("allowPrivilegeEscalation", false);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "staging", "prod"})
    void theIngressRoutesTheApiAndAnUnbufferedStreamButNeverTheActuator(String environment) {
        List<Map<String, Object>> ingresses = ofKind(render(environment), "Ingress");
        assertThat(ingresses).isNotEmpty();
        String streamPath = null;
        for (Map<String, Object> ingress : ingresses) {
            for (Map<String, Object> rule : list(map(ingress.get("spec")).get("rules"))) {
                for (Map<String, Object> path : list(map(rule.get("http")).get("paths"))) {
                    String prefix = (String) path.get("path");
                    assertThat("/actuator/health").as("%s routes %s", environment, prefix).doesNotStartWith(prefix);
                    assertThat(prefix).doesNotStartWith("/actuator");
                    assertThat(map(map(map(path.get("backend")).get("service")).get("port"))).containsEntry("name", "http");
                    if ("Exact".equals(path.get("pathType"))) {
                        Map<String, Object> annotations = map(map(ingress.get("metadata")).get("annotations"));
                        assertThat(annotations).containsEntry("nginx.ingress.kubernetes.io/proxy-buffering", "off");
                        assertThat(Integer.parseInt((String) annotations.get("nginx.ingress.kubernetes.io/proxy-read-timeout")))
                                .isGreaterThanOrEqualTo(3600);
                        streamPath = prefix;
                    }
                }
            }
        }
        // The unbuffered path is the service's one event stream, as its handler mapping declares it.
        List<String> streams = mappings.getHandlerMethods().keySet().stream()
                .filter(info -> info.getProducesCondition().getProducibleMediaTypes().contains(MediaType.TEXT_EVENT_STREAM))
                .flatMap(info -> info.getPatternsCondition().getPatterns().stream()).map(Object::toString).toList();
        assertThat(streams).containsExactly(streamPath);
    }

    @Test
    void everyAlertAndPanelNamesAMetricTheServiceExposes() throws Exception {
        List<Map<String, Object>> objects = render("prod");
        List<String> expressions = new ArrayList<>();
        Set<String> alerts = new LinkedHashSet<>();
        for (Map<String, Object> rules : ofKind(objects, "PrometheusRule")) {
            for (Map<String, Object> group : list(map(rules.get("spec")).get("groups"))) {
                for (Map<String, Object> rule : list(group.get("rules"))) {
                    alerts.add((String) rule.get("alert"));
                    expressions.add((String) rule.get("expr"));
                }
            }
        }
        assertThat(alerts).containsExactlyInAnyOrder("AidlineOutboxStalled", "AidlineDeadLetters", "AidlineAuditUnsealed",
                "AidlinePaymentBacklog", "AidlineCircuitBreakerOpen", "AidlineHighErrorRate", "AidlineSlowRequests");
        for (Map<String, Object> dashboard : ofKind(objects, "ConfigMap")) {
            JsonNode json = JsonMapper.builder().build().readTree((String) map(dashboard.get("data")).get("aidline.json"));
            json.path("panels").forEach(panel -> panel.path("targets").forEach(target -> expressions.add(target.get("expr").asString())));
        }
        // A request first, so that http.server.requests has its series.
        web.get().uri("/actuator/health/liveness").exchange().expectStatus().isOk();
        Set<String> exposed = new java.util.HashSet<>();
        for (String line : web.get().uri("/actuator/prometheus").exchange().expectStatus().isOk()
                .returnResult(String.class).getResponseBody().collectList().block()) {
            for (String row : line.split("\n")) {
                Matcher series = Pattern.compile("^([a-zA-Z_:][a-zA-Z0-9_:]*)[{ ]").matcher(row);
                if (series.find()) {
                    exposed.add(series.group(1));
                }
            }
        }
        Set<String> named = new LinkedHashSet<>();
        expressions.forEach(expression -> named.addAll(PromQl.metricNames(expression)));
        assertThat(named).contains("aidline_outbox_oldest_age_seconds", "aidline_outbox_dead_letters",
                "aidline_audit_unsealed_oldest_age_seconds", "aidline_payments_backlog_oldest_age_seconds",
                "resilience4j_circuitbreaker_state", "http_server_requests_seconds_count", "http_server_requests_seconds_bucket");
        assertThat(exposed).containsAll(named);
    }

    @Test
    void hooksStayHooksByDefault() {
        String manifest = new Helm(CHART).template().withName("aidline").withNamespace("aidline").withKubeVersion("1.30.0")
                .withValuesFile(CHART.resolve("values-prod.yaml")).call();
        // helm-java prints the manifest without hooks: the migration Job and the ExternalSecret run before the release.
        assertThat(manifest).doesNotContain("kind: Job").doesNotContain("kind: ExternalSecret").contains("kind: Deployment");
    }

    static List<Map<String, Object>> render(String environment) {
        String manifest = new Helm(CHART).template().withName("aidline").withNamespace("aidline").withKubeVersion("1.30.0")
                .withValuesFile(CHART.resolve("values-" + environment + ".yaml"))
                .set("hooks", "false")
                .call();
        List<Map<String, Object>> objects = new ArrayList<>();
        for (Object document : new Yaml().loadAll(manifest)) {
            if (document != null) {
                objects.add(map(document));
            }
        }
        return objects;
    }

    static List<Map<String, Object>> ofKind(List<Map<String, Object>> objects, String kind) {
        return objects.stream().filter(object -> kind.equals(object.get("kind"))).toList();
    }

    static List<Map<String, Object>> containers(List<Map<String, Object>> objects, String kind) {
        return ofKind(objects, kind).stream()
                .flatMap(object -> list(map(map(map(object.get("spec")).get("template")).get("spec")).get("containers")).stream())
                .toList();
    }

    static Map<String, String> env(Map<String, Object> container) {
        Map<String, String> env = new java.util.LinkedHashMap<>();
        for (Map<String, Object> variable : list(container.get("env"))) {
            assertThat(env.put((String) variable.get("name"), String.valueOf(variable.get("value")))).as("set twice").isNull();
        }
        return env;
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object value) {
        return value == null ? Map.of() : (Map<String, Object>) value;
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> list(Object value) {
        return value == null ? List.of() : (List<Map<String, Object>>) value;
    }

}
