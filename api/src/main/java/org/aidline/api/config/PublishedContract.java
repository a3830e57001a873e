package org.aidline.api.config;

import io.swagger.v3.oas.models.OpenAPI;
import org.aidline.api.edge.EdgeProperties;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.stereotype.Component;

/**
 * Completes what springdoc reads from the controllers, in an order that matters: security first (the
 * problems an operation can answer depend on whether it is public), then problems and headers, and
 * bounds last, over everything the others added.
 */
@Component
class PublishedContract implements OpenApiCustomizer {

    private final ContractProperties contract;
    private final IntakeProperties intake;
    private final EdgeProperties edge;

    PublishedContract(ContractProperties contract, IntakeProperties intake, EdgeProperties edge) {
        this.contract = contract;
        this.intake = intake;
        this.edge = edge;
    }

    @Override
    public void customise(OpenAPI openApi) {
        ContractSecurity.declare(openApi, contract);
        ProblemResponsesCustomizer.customise(openApi);
        ContractHeaders.declare(openApi);
        ContractBounds.apply(openApi, contract, intake, edge);
    }
}
