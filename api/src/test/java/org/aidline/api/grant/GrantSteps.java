package org.aidline.api.grant;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.aidline.api.support.Filings;
import org.aidline.api.support.SampleReports;
import org.aidline.api.support.Tokens;
import org.aidline.api.support.Tokens.Caller;
import org.aidline.intake.access.Role;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The steps the grant tests take through the API: file, read, attach, identify. */
final class GrantSteps {

    static final String SHA256 = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";
    /** What the province default policy requires for a medical emergency. */
    static final List<String> MEDICAL_DOCUMENTS = List.of("ID", "HOUSEHOLD_REGISTER", "HOSPITAL_DIAGNOSIS", "MEDICAL_BILLS");
    /** ... and for an accident. */
    static final List<String> ACCIDENT_DOCUMENTS = List.of("ID", "HOUSEHOLD_REGISTER", "ACCIDENT_PROOF", "MEDICAL_BILLS");

    private final WebTestClient web;
    private final Tokens tokens;
    private final JsonMapper json;
    private final Filings filings;

    GrantSteps(WebTestClient web, Tokens tokens, JsonMapper json) {
        this.web = web;
        this.tokens = tokens;
        this.json = json;
        this.filings = new Filings(web, json);
    }

    /** A citizen's urgent medical emergency in the village: granted at once, documents owed. */
    JsonNode fileEmergency(Caller citizen, String villageCode) {
        Map<String, Object> body = SampleReports.selfReport();
        body.put("villageCode", villageCode);
        return file(citizen, body);
    }

    JsonNode file(Caller citizen, Map<String, Object> body) {
        return filings.file(citizen, body);
    }

    /** A hotline caller's accident, the subject's ID number unknown: the grant waits for identity. */
    JsonNode fileHotlineAccidentWithoutIdentity(String villageCode) {
        Map<String, Object> body = SampleReports.hotlineReport(villageCode, "13900000003");
        body.put("category", "ACCIDENT");
        body.put("urgent", true);
        return filings.fileByHotline(tokens.staff(Role.OPERATOR, villageCode.substring(0, 6)), body);
    }

    WebTestClient.ResponseSpec get(Caller caller, String grantId) {
        return web.get().uri("/api/v1/grants/{id}", grantId).header("Authorization", caller.bearer()).exchange();
    }

    /** The grant's current ETag, as its owner reads it. */
    String etag(Caller caller, String grantId) {
        return get(caller, grantId).expectStatus().isOk().returnResult(String.class).getResponseHeaders().getETag();
    }

    WebTestClient.ResponseSpec attach(Caller caller, String grantId, String ifMatch, List<String> types) {
        WebTestClient.RequestBodySpec request = web.post().uri("/api/v1/grants/{id}/documents", grantId)
                .header("Authorization", caller.bearer());
        if (ifMatch != null) {
            request = request.header("If-Match", ifMatch);
        }
        return request.contentType(MediaType.APPLICATION_JSON).bodyValue(documents(types)).exchange();
    }

    static Map<String, Object> documents(List<String> types) {
        return Map.of("documents", types.stream().map(GrantSteps::document).toList());
    }

    static Map<String, Object> document(String type) {
        Map<String, Object> document = new HashMap<>();
        document.put("type", type);
        document.put("sha256", SHA256);
        document.put("size", 204800);
        document.put("uri", "https://files.example.gov.cn/d/" + type.toLowerCase() + "-" + UUID.randomUUID() + ".jpg");
        return document;
    }

    WebTestClient.ResponseSpec identify(Caller caller, String reportId, String idNumber) {
        return web.post().uri("/api/v1/reports/{id}/identity", reportId)
                .header("Authorization", caller.bearer())
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("idNumber", idNumber)).exchange();
    }

    JsonNode body(WebTestClient.ResponseSpec response) {
        return json.readTree(response.expectBody().returnResult().getResponseBody());
    }

    JsonNode report(Caller caller, String reportId) {
        return json.readTree(web.get().uri("/api/v1/reports/{id}", reportId).header("Authorization", caller.bearer()).exchange()
                .expectStatus().isOk().expectBody().returnResult().getResponseBody());
    }
}
