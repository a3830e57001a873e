package org.aidline.api.support;

import java.util.UUID;
import org.aidline.api.support.Tokens.Caller;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.test.context.TestComponent;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.client.WebClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Files reports over HTTP as the apps and the hotline do: the one place the tests build
 * {@code POST /api/v1/reports} and {@code POST /api/v1/hotline/reports}. A test builds its body
 * (see {@link SampleReports}), then either asserts on the answer itself ({@link #report},
 * {@link #hotline}) or takes the filed report ({@link #file}, {@link #fileByHotline}: 201 expected).
 */
@TestComponent
public class Filings {

    public static final String REPORTS = "/api/v1/reports";
    public static final String HOTLINE_REPORTS = "/api/v1/hotline/reports";
    public static final String IDEMPOTENCY_KEY = "Idempotency-Key";

    private final WebTestClient web;
    private final JsonMapper json;

    public Filings(WebTestClient web, JsonMapper json) {
        this.web = web;
        this.json = json;
    }

    /** The same filings through another client, e.g. another instance's. */
    public Filings through(WebTestClient client) {
        return new Filings(client, json);
    }

    /** A fresh key: every filing is a new request unless a test repeats one on purpose. */
    public static String newKey() {
        return UUID.randomUUID().toString();
    }

    /** A citizen's report filed from the app under a fresh Idempotency-Key: 201 expected, the report answered. */
    public JsonNode file(Caller citizen, Object body) {
        return file(citizen.bearer(), body);
    }

    /** As {@link #file(Caller, Object)}, with the Authorization header's value as it is. */
    public JsonNode file(String authorization, Object body) {
        return created(report(authorization, body, newKey()));
    }

    /** A citizen's report from the app under a fresh Idempotency-Key: the answer, to assert on. */
    public WebTestClient.ResponseSpec report(Caller citizen, Object body) {
        return report(citizen.bearer(), body, newKey());
    }

    /** A citizen's report from the app under the given key (none if null): the answer, to assert on. */
    public WebTestClient.ResponseSpec report(Caller citizen, Object body, @Nullable String idempotencyKey) {
        return report(citizen.bearer(), body, idempotencyKey);
    }

    public WebTestClient.ResponseSpec report(String authorization, Object body, @Nullable String idempotencyKey) {
        return reportRequest(authorization, idempotencyKey).contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange();
    }

    /** The app's request before its body: for a test that sends other headers, another content type or raw text. */
    public WebTestClient.RequestBodySpec reportRequest(String authorization, @Nullable String idempotencyKey) {
        return request(REPORTS, authorization, idempotencyKey);
    }

    /** A report an operator takes on the hotline (no Idempotency-Key): 201 expected, the report answered. */
    public JsonNode fileByHotline(Caller operator, Object body) {
        return created(hotline(operator, body, null));
    }

    /** A hotline report under the given key (none if null): the answer, to assert on. */
    public WebTestClient.ResponseSpec hotline(Caller operator, Object body, @Nullable String idempotencyKey) {
        return request(HOTLINE_REPORTS, operator.bearer(), idempotencyKey)
                .contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange();
    }

    /** The report of a 201 answer. */
    public JsonNode created(WebTestClient.ResponseSpec answer) {
        return json.readTree(answer.expectStatus().isCreated().expectBody().returnResult().getResponseBody());
    }

    private WebTestClient.RequestBodySpec request(String path, String authorization, @Nullable String idempotencyKey) {
        WebTestClient.RequestBodySpec request = web.post().uri(path).header("Authorization", authorization);
        if (idempotencyKey != null) {
            request = request.header(IDEMPOTENCY_KEY, idempotencyKey);
        }
        return request;
    }

    /**
     * The same request over a plain {@link WebClient}, for filings that race each other or go to an
     * instance by its port: {@code path} is {@link #REPORTS} or {@link #HOTLINE_REPORTS}.
     */
    public static WebClient.RequestHeadersSpec<?> over(WebClient client, String path, String authorization,
            @Nullable String idempotencyKey, Object body) {
        WebClient.RequestBodySpec request = client.post().uri(path).header("Authorization", authorization);
        if (idempotencyKey != null) {
            request = request.header(IDEMPOTENCY_KEY, idempotencyKey);
        }
        return request.contentType(MediaType.APPLICATION_JSON).bodyValue(body);
    }
}
