package org.aidline.api.openapi;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.aidline.api.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The running service publishes exactly the committed contract. After an intended change,
 * regenerate it with {@code ./mvnw -pl api -am verify -Dtest=OpenApiContractTests -Daidline.openapi.write=true
 * -Dsurefire.failIfNoSpecifiedTests=false} and review the diff.
 */
@IntegrationTest
class OpenApiContractTests {

    static final Path CONTRACT = Path.of("..", "openapi", "aidline-v1.json");

    @Autowired
    WebTestClient web;

    @Test
    void runningServiceMatchesTheCommittedContract() throws IOException {
        JsonMapper json = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();
        // The contract is larger than the 64 KB the service's codecs buffer for a client. The first request computes
        // it (springdoc, all CPU): 36 s were measured on a busy 2-core build machine, past the client's usual 30 s.
        byte[] served = web.mutate().codecs(codecs -> codecs.defaultCodecs().maxInMemorySize(8 * 1024 * 1024))
                .responseTimeout(Duration.ofMinutes(2)).build()
                .get().uri("/v3/api-docs").exchange().expectStatus().isOk()
                .expectBody().returnResult().getResponseBody();
        JsonNode running = withoutServers(json.readTree(served));
        if (Boolean.getBoolean("aidline.openapi.write")) {
            Files.writeString(CONTRACT, json.writeValueAsString(running) + "\n");
        }
        JsonNode committed = json.readTree(Files.readString(CONTRACT));
        assertThat(running)
                .withFailMessage("The running contract differs from %s; regenerate it (see this test's Javadoc) and review the diff", CONTRACT)
                .isEqualTo(committed);
    }

    @Test
    void everyOperationHasAStableNameOfItsOwn() throws IOException {
        JsonNode paths = JsonMapper.builder().build().readTree(Files.readString(CONTRACT)).get("paths");
        java.util.List<String> ids = new java.util.ArrayList<>();
        paths.properties().forEach(path -> path.getValue().properties().forEach(operation -> ids.add(operation.getValue().path("operationId").asString())));
        // springdoc names an operation after its Java method and numbers the repeats (list_3): neither survives a refactoring.
        assertThat(ids).hasSizeGreaterThan(40).doesNotHaveDuplicates().allMatch(id -> id.matches("[a-z][A-Za-z]{3,}"), "a camelCase name without a _N");
    }

    /** The servers list names the random test port; it is not part of the contract. */
    static JsonNode withoutServers(JsonNode contract) {
        ((tools.jackson.databind.node.ObjectNode) contract).remove("servers");
        return contract;
    }
}
