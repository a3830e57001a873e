package org.aidline.api.support;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;

/** A registry's SPDCI search answer as WireMock plays it, echoing the request's transaction and reference ids. */
public final class RegistryAnswers {

    private RegistryAnswers() {
    }

    /** {@code status}: succ, rjct or pdng; {@code records}: the reg_records JSON array. */
    public static ResponseDefinitionBuilder answer(String status, String records) {
        return aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                .withTransformers("response-template")
                .withBody("""
                        {"header": {"version": "1.0.0", "message_id": "{{randomValue type='UUID'}}", "action": "on-search", "status": "succ"},
                         "message": {"transaction_id": "{{jsonPath request.body '$.message.transaction_id'}}",
                           "search_response": [{"reference_id": "{{jsonPath request.body '$.message.search_request[0].reference_id'}}",
                             "status": "%s", "status_reason_code": "rjct.search_criteria.invalid",
                             "data": {"reg_records": %s}}]}}
                        """.formatted(status, records.replace("\\\"", "\"")));
    }
}
