package org.aidline.api.openapi;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import org.aidline.api.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The contract's security is the service's: every operation it marks public ({@code security: []}) answers a
 * caller without a token with something other than 401, and every other operation refuses that caller with 401.
 */
@IntegrationTest
@TestPropertySource(properties = {"aidline.rate-limit.per-subject=10000000", "aidline.rate-limit.per-address=10000000"})
class PublishedSecurityTests {

    private static final String ANY_ID = "0b8f6c1e-5d3a-4f7e-9c21-7a4e2d1b9f60";

    @Autowired
    WebTestClient web;

    @Test
    void operationsMarkedPublicAreOpenAndAllOthersAskForAToken() throws IOException {
        JsonNode contract = JsonMapper.builder().build().readTree(Files.readString(OpenApiContractTests.CONTRACT));
        List<String> wrong = new ArrayList<>();
        int publicOnes = 0;
        for (var path : contract.get("paths").properties()) {
            for (var operation : path.getValue().properties()) {
                boolean open = operation.getValue().path("security").isArray() && operation.getValue().path("security").isEmpty();
                publicOnes += open ? 1 : 0;
                String uri = path.getKey().replaceAll("\\{year}", "2026").replaceAll("\\{[^}]+}", ANY_ID);
                var request = web.method(HttpMethod.valueOf(operation.getKey().toUpperCase())).uri(uri);
                // Without a token even the live task stream answers at once (401), so every operation can be called here.
                int status = (operation.getKey().equals("get") ? request : request.contentType(MediaType.APPLICATION_JSON).bodyValue("{}"))
                        .exchange().returnResult(byte[].class).getStatus().value();
                if (open == (status == 401)) {
                    wrong.add(operation.getKey().toUpperCase() + " " + path.getKey() + (open ? " is public in the contract" : " needs a token in the contract")
                            + " but answered " + status + " without one");
                }
            }
        }
        assertThat(publicOnes).as("public operations").isPositive();
        assertThat(wrong).isEmpty();
    }
}
