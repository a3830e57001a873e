package org.aidline.api.open311.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.security.SecurityRequirements;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.aidline.api.problem.ProblemException;
import org.aidline.api.problem.ProblemType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** Open311's service list and definitions: the report categories, public, since they say nothing of anyone. */
@RestController
@Tag(name = "Open311", description = "Open311 GeoReport v2 (JSON) for partners that speak it")
public class Open311ServiceController {

    @GetMapping(path = "/open311/v2/services.json", produces = "application/json")
    @Operation(operationId = "listServices", summary = "The services: one per report category (no token needed)")
    @SecurityRequirements
    List<ServiceView> open311Services() {
        return Services.all();
    }

    @GetMapping(path = "/open311/v2/services/{code}.json", produces = "application/json")
    @Operation(operationId = "getServiceDefinition", summary = "A service's definition: the attributes its requests need (no token needed)",
            description = "An unknown service code is 404.")
    @SecurityRequirements
    ServiceDefinitionView open311ServiceDefinition(@Parameter(example = "MEDICAL_EMERGENCY") @PathVariable String code) {
        return Services.category(code)
                .map(category -> new ServiceDefinitionView(category.name(), Services.ATTRIBUTES))
                .orElseThrow(() -> new ProblemException(ProblemType.NOT_FOUND,
                        "No service has this code; GET /open311/v2/services.json lists them."));
    }
}
