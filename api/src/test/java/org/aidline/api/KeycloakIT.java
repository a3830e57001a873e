package org.aidline.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The committed realm ({@code deploy/keycloak/aidline-realm.json}) imported into a real Keycloak,
 * and the production jar pointed at it by its issuer URI alone (the audience is the default
 * configuration's): tokens from the real flows (password grant for people, through a test-only
 * client that carries the realm console's own mappers; client credentials for a machine) are
 * read with the right subject, roles and region, and a token for another audience, an expired
 * one and one whose region was altered are refused with a 401 problem.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class KeycloakIT {

    static final Path REALM = Path.of("..", "deploy", "keycloak", "aidline-realm.json");

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** What the realm's ${...} placeholders read at import: the machine clients' secrets. */
    private final Map<String, String> secrets = Map.of(
            "AIDLINE_CONSOLE_CLIENT_SECRET", secret(),
            "AIDLINE_MONITOR_CLIENT_SECRET", secret(),
            "AIDLINE_PAYMENT_GATEWAY_CLIENT_SECRET", secret(),
            "AIDLINE_HOTLINE_PLATFORM_CLIENT_SECRET", secret(),
            "AIDLINE_REGISTRY_FEED_CLIENT_SECRET", secret(),
            "AIDLINE_PARTNER_CHARITY_FEDERATION_CLIENT_SECRET", secret());

    private final Map<String, Person> people = new HashMap<>();
    private long began;
    private Keycloak keycloak;
    private Process service;
    private int port;
    private Keycloak.Admin admin;
    /** Minted by a client whose tokens live one second, as early as possible: its expiry is waited out while the rest runs. */
    private String expiring;

    @BeforeAll
    void startKeycloakAndTheService() throws Exception {
        began = System.nanoTime();
        keycloak = Keycloak.start(REALM, secrets);
        // The service starts meanwhile: it fetches the issuer's configuration and keys at the first request only.
        port = CrashIT.freePort();
        Map<String, String> environment = new HashMap<>(CrashIT.environment(CrashIT.newDatabase(), port));
        environment.put("SPRING_SECURITY_OAUTH2_RESOURCESERVER_JWT_ISSUER_URI", keycloak.issuer());
        // 5 s of clock skew instead of 60: the expired token is refused that much sooner, and the test waits that much less.
        environment.put("AIDLINE_SECURITY_TOKENS_CLOCK_SKEW", "5s");
        service = CrashIT.start(environment, port, "keycloak", Duration.ofMinutes(6));
        Duration ready = keycloak.awaitReady(Duration.ofMinutes(6));
        System.out.printf("Keycloak: ready (realm imported) %d s after its start%n", ready.toSeconds());

        admin = keycloak.admin();
        people.put("citizen", person("CITIZEN", null));
        people.put("operator", person("OPERATOR", "640104"));
        people.put("coordinator", person("COORDINATOR", "640104001"));
        testClient("it-password", "aidline", Map.of());
        testClient("it-other-audience", "another-service", Map.of());
        testClient("it-short-lived", "aidline", Map.of("access.token.lifespan", "1"));
        expiring = passwordToken("it-short-lived", people.get("operator"));
    }

    @AfterAll
    void stop() throws Exception {
        try {
            if (service != null) {
                service.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
            }
        } finally {
            if (keycloak != null) {
                keycloak.close();
            }
            System.out.printf("KeycloakIT: %d s in all%n", TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - began));
        }
    }

    @Test
    void peopleAreReadWithTheirSubjectRolesAndRegion() throws Exception {
        assertMe(passwordToken("it-password", people.get("citizen")), people.get("citizen").id(), List.of("CITIZEN"), null);
        assertMe(passwordToken("it-password", people.get("operator")), people.get("operator").id(), List.of("OPERATOR"), "640104");
        assertMe(passwordToken("it-password", people.get("coordinator")), people.get("coordinator").id(), List.of("COORDINATOR"), "640104001");
    }

    @Test
    void rolesFromTheRealmOpenAndCloseTheirEndpoints() throws Exception {
        String operator = passwordToken("it-password", people.get("operator"));
        String citizen = passwordToken("it-password", people.get("citizen"));
        HttpResponse<String> found = get("/api/v1/reports?phone=13800138000", operator);
        assertThat(found.statusCode()).as(found.body()).isEqualTo(200);
        HttpResponse<String> refused = get("/api/v1/reports?phone=13800138000", citizen);
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(refused.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
    }

    @Test
    void aMachineClientIsAcceptedWithItsRoleAndRegion() throws Exception {
        String monitor = keycloak.accessToken(Map.of("grant_type", "client_credentials", "client_id", "aidline-monitor",
                "client_secret", secrets.get("AIDLINE_MONITOR_CLIENT_SECRET")));
        String serviceAccount = admin.get("/users?exact=true&username=service-account-aidline-monitor").get(0).get("id").asString();
        assertMe(monitor, serviceAccount, List.of("MONITOR"), "640000");
        String partner = keycloak.accessToken(Map.of("grant_type", "client_credentials", "client_id", "aidline-partner-charity-federation",
                "client_secret", secrets.get("AIDLINE_PARTNER_CHARITY_FEDERATION_CLIENT_SECRET")));
        assertThat(claims(partner).get("partner").asString()).isEqualTo("CHARITY_FEDERATION");
        assertThat(get("/api/v1/partners", partner).statusCode()).isEqualTo(200);
    }

    @Test
    void aTokenForAnotherAudienceIsRefused() throws Exception {
        String token = passwordToken("it-other-audience", people.get("operator"));
        assertThat(claims(token).get("aud").toString()).doesNotContain("\"aidline\"").contains("another-service");
        assertUnauthorized(get("/api/v1/me", token));
    }

    @Test
    void anExpiredTokenIsRefused() throws Exception {
        long expiresAt = claims(expiring).get("exp").asLong();
        assertThat(expiresAt - claims(expiring).get("iat").asLong()).as("the short-lived client's token lifespan").isEqualTo(1);
        // Refused once past exp and the 5 s of clock skew configured above.
        await("the token refused once expired").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500))
                .until(() -> get("/api/v1/me", expiring).statusCode() == 401);
        assertThat(System.currentTimeMillis() / 1000).as("refused only after its expiry").isGreaterThan(expiresAt);
        assertUnauthorized(get("/api/v1/me", expiring));
        // The same client's tokens are otherwise good: the refusal is the expiry's.
        assertThat(get("/api/v1/me", passwordToken("it-short-lived", people.get("operator"))).statusCode()).isEqualTo(200);
    }

    @Test
    void aTokenWhoseRegionWasAlteredIsRefused() throws Exception {
        String token = passwordToken("it-password", people.get("operator"));
        String[] parts = token.split("\\.");
        String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8);
        assertThat(payload).contains("\"region\":\"640104\"");
        String provinceWide = payload.replace("\"region\":\"640104\"", "\"region\":\"640000\"");
        String tampered = parts[0] + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(provinceWide.getBytes(StandardCharsets.UTF_8))
                + "." + parts[2];
        assertThat(get("/api/v1/me", token).statusCode()).as("the token as issued").isEqualTo(200);
        assertUnauthorized(get("/api/v1/me", tampered));
    }

    @Test
    void theAppsLogInOnlyWithPkceAndNeverWithPasswords() throws Exception {
        HttpResponse<String> passwordGrant = keycloak.token(Map.of("grant_type", "password", "client_id", "aidline-citizen-app",
                "username", people.get("citizen").username(), "password", people.get("citizen").password()));
        assertThat(passwordGrant.statusCode()).isIn(400, 401);
        assertThat(passwordGrant.body()).contains("unauthorized_client");

        String authorize = "/realms/aidline/protocol/openid-connect/auth?response_type=code&scope=openid&client_id=aidline-coordinator-app"
                + "&redirect_uri=" + URLEncoder.encode("cn.gov.aidline.coordinator:/oauth2redirect", StandardCharsets.UTF_8) + "&state=s1";
        HttpResponse<String> withoutPkce = HTTP.send(HttpRequest.newBuilder(URI.create(keycloak.url(authorize))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(withoutPkce.statusCode()).isEqualTo(302);
        assertThat(withoutPkce.headers().firstValue("Location")).hasValueSatisfying(location -> assertThat(location)
                .startsWith("cn.gov.aidline.coordinator:/oauth2redirect").contains("error=invalid_request").contains("code_challenge"));
        HttpResponse<String> withPkce = HTTP.send(HttpRequest.newBuilder(URI.create(keycloak.url(authorize
                + "&code_challenge_method=S256&code_challenge=E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM"))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(withPkce.statusCode()).as("the login page").isEqualTo(200);
    }

    private void assertMe(String token, String subject, List<String> roles, String region) throws Exception {
        HttpResponse<String> answer = get("/api/v1/me", token);
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        JsonNode me = JSON.readTree(answer.body());
        assertThat(me.get("subject").asString()).isEqualTo(subject);
        assertThat(JSON.convertValue(me.get("roles"), List.class)).isEqualTo(roles);
        if (region == null) {
            assertThat(me.has("region")).as(answer.body()).isFalse();
        } else {
            assertThat(me.get("region").asString()).isEqualTo(region);
        }
    }

    private static void assertUnauthorized(HttpResponse<String> answer) throws Exception {
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(401);
        assertThat(answer.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(JSON.readTree(answer.body()).get("type").asString()).isEqualTo("/problems/unauthenticated");
    }

    private HttpResponse<String> get(String path, String token) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString());
    }

    private String passwordToken(String client, Person person) throws Exception {
        return keycloak.accessToken(Map.of("grant_type", "password", "client_id", client, "username", person.username(),
                "password", person.password(), "scope", "openid"));
    }

    private static JsonNode claims(String token) {
        return JSON.readTree(new String(Base64.getUrlDecoder().decode(token.split("\\.")[1]), StandardCharsets.UTF_8));
    }

    /** A person with one realm role (and a region for staff), created as an administrator would. */
    private Person person(String role, String region) throws Exception {
        String username = "it-" + role.toLowerCase() + "-" + UUID.randomUUID().toString().substring(0, 8);
        String password = secret();
        Map<String, Object> user = new LinkedHashMap<>();
        user.put("username", username);
        user.put("enabled", true);
        user.put("credentials", List.of(Map.of("type", "password", "value", password, "temporary", false)));
        if (region != null) {
            user.put("attributes", Map.of("region", List.of(region)));
        }
        String id = admin.post("/users", user);
        admin.post("/users/" + id + "/role-mappings/realm", List.of(admin.get("/roles/" + role)));
        return new Person(id, username, password);
    }

    /**
     * A test-only public client with password grants, carrying the realm console's own protocol
     * mappers and scopes (so the claims under test are the realm's), its audience set to {@code audience}.
     */
    @SuppressWarnings("unchecked")
    private void testClient(String clientId, String audience, Map<String, String> attributes) throws Exception {
        JsonNode console = admin.get("/clients?clientId=aidline-console").get(0);
        List<Map<String, Object>> mappers = JSON.convertValue(console.get("protocolMappers"), List.class);
        for (Map<String, Object> mapper : mappers) {
            mapper.remove("id");
            if ("oidc-audience-mapper".equals(mapper.get("protocolMapper"))) {
                ((Map<String, Object>) mapper.get("config")).put("included.custom.audience", audience);
            }
        }
        Map<String, Object> client = new LinkedHashMap<>();
        client.put("clientId", clientId);
        client.put("publicClient", true);
        client.put("standardFlowEnabled", false);
        client.put("directAccessGrantsEnabled", true);
        client.put("protocolMappers", mappers);
        client.put("defaultClientScopes", JSON.convertValue(console.get("defaultClientScopes"), List.class));
        client.put("attributes", attributes);
        admin.post("/clients", client);
    }

    private static String secret() {
        return UUID.randomUUID().toString();
    }

    private record Person(String id, String username, String password) {
    }
}
