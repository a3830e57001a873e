package org.aidline.api.open311.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/** GET services/{code}.json: the attributes a POST requests.json of this service sends as {@code attribute[code]}. */
@Schema(name = "Open311ServiceDefinition")
public record ServiceDefinitionView(
        @JsonProperty("service_code") @Schema(example = "MEDICAL_EMERGENCY") String serviceCode,
        List<AttributeView> attributes) {

    /** One attribute, as the spec describes them. */
    @Schema(name = "Open311Attribute")
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    public record AttributeView(
            boolean variable,
            @Schema(example = "village_code") String code,
            @Schema(example = "string", allowableValues = {"string", "number", "datetime", "text", "singlevaluelist", "multivaluelist"})
            String datatype,
            boolean required,
            @JsonProperty("datatype_description") String datatypeDescription,
            int order,
            String description,
            List<ValueView> values) {
    }

    /** One value of a list attribute. */
    @Schema(name = "Open311AttributeValue")
    public record ValueView(String key, String name) {
    }
}
