package org.aidline.api.config;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.Parameter;
import java.math.BigDecimal;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * Gives every string, array and integer of the contract a bound where its field declares none, taken from
 * the limits the service really enforces: a path or query value fits in the longest URI the edge takes, a
 * header in the header limit, a field of a JSON body in the body limit (each element at least one byte),
 * an integer in its format's range. Response fields without their own bound get the configured text and
 * list ceilings. A string whose @Pattern implies a longest match gets that. Fields that know better declare
 * it themselves (@Size, @Max, @Schema) and are left alone.
 * Amounts (BigDecimal, the only numbers without a format) are yuan with at most two decimals: format decimal.
 */
final class ContractBounds {

    private static final String SCHEMAS = "#/components/schemas/";

    private record Limits(long text, long items) {
    }

    private ContractBounds() {
    }

    static void apply(OpenAPI openApi, ContractProperties contract, IntakeProperties intake, org.aidline.api.edge.EdgeProperties edge) {
        long body = intake.maxBodySize().toBytes();
        Limits request = new Limits(body, body / 2);
        Limits response = new Limits(contract.maxTextLength(), contract.maxItems());
        Set<String> requested = new HashSet<>();
        openApi.getPaths().values().forEach(item -> item.readOperations().forEach(operation -> {
            if (operation.getRequestBody() != null) {
                referenced(operation.getRequestBody().getContent(), openApi, requested);
            }
        }));
        Map<String, Schema> schemas = openApi.getComponents().getSchemas();
        schemas.forEach((name, schema) -> bound(schema, requested.contains(name) ? request : response));
        openApi.getPaths().values().forEach(item -> item.readOperations().forEach(operation -> {
            parameters(operation, edge);
            operation.getResponses().values().forEach(answer -> {
                contents(answer.getContent(), response);
                if (answer.getHeaders() != null) {
                    answer.getHeaders().values().forEach(header -> header(header, edge));
                }
            });
        }));
        if (openApi.getComponents().getHeaders() != null) {
            openApi.getComponents().getHeaders().values().forEach(header -> header(header, edge));
        }
    }

    private static void parameters(Operation operation, org.aidline.api.edge.EdgeProperties edge) {
        if (operation.getParameters() == null) {
            return;
        }
        for (Parameter parameter : operation.getParameters()) {
            if (parameter.getSchema() == null) {
                continue;
            }
            long length = "header".equals(parameter.getIn()) ? edge.maxHeaderSize().toBytes() : edge.maxUriLength();
            bound(parameter.getSchema(), new Limits(length, length / 2));
            // springdoc reads an example such as "2026" as a number; the parameter is a string all the same.
            if (isA(parameter.getSchema(), "string") && parameter.getExample() != null && !(parameter.getExample() instanceof String)) {
                parameter.setExample(String.valueOf(parameter.getExample()));
            }
        }
    }

    private static void header(Header header, org.aidline.api.edge.EdgeProperties edge) {
        if (header.getSchema() != null) {
            long length = edge.maxHeaderSize().toBytes();
            bound(header.getSchema(), new Limits(length, length / 2));
        }
    }

    private static void contents(Content content, Limits limits) {
        if (content != null) {
            // Server-sent events are a stream without end by design: only their elements are bounded.
            content.forEach((type, media) -> {
                if (media.getSchema() != null && !type.startsWith("text/event-stream")) {
                    bound(media.getSchema(), limits);
                }
            });
        }
    }

    @SuppressWarnings("unchecked")
    private static void bound(Schema<?> schema, Limits limits) {
        if (schema == null || schema.get$ref() != null) {
            return;
        }
        if (isA(schema, "string") && schema.getMaxLength() == null && schema.getPattern() != null) {
            PatternLength.longest(schema.getPattern()).ifPresent(schema::setMaxLength);
        }
        if (isA(schema, "string") && schema.getMaxLength() == null && schema.getEnum() == null && schema.getConst() == null) {
            schema.setMaxLength((int) Math.min(Integer.MAX_VALUE, switch (String.valueOf(schema.getFormat())) {
                case "uuid" -> 36;
                case "date" -> 10;
                // Instants are kept within years 1 to 9999 (StorableInstants), nanoseconds at most.
                case "date-time" -> 30;
                default -> limits.text();
            }));
        }
        if (isA(schema, "integer")) {
            boolean int32 = "int32".equals(schema.getFormat());
            if (schema.getFormat() == null) {
                schema.setFormat("int64");
            }
            if (schema.getMinimum() == null && schema.getExclusiveMinimumValue() == null) {
                schema.setMinimum(BigDecimal.valueOf(int32 ? Integer.MIN_VALUE : Long.MIN_VALUE));
            }
            if (schema.getMaximum() == null && schema.getExclusiveMaximumValue() == null) {
                schema.setMaximum(BigDecimal.valueOf(int32 ? Integer.MAX_VALUE : Long.MAX_VALUE));
            }
        }
        if (isA(schema, "number") && schema.getFormat() == null) {
            schema.setFormat("decimal");
        }
        if (isA(schema, "array")) {
            if (schema.getMaxItems() == null) {
                schema.setMaxItems((int) Math.min(Integer.MAX_VALUE, limits.items()));
            }
            bound(schema.getItems(), limits);
        }
        if (schema.getProperties() != null) {
            schema.getProperties().values().forEach(property -> bound(property, limits));
        }
        if (schema.getAdditionalProperties() instanceof Schema<?> values) {
            bound(values, limits);
        }
        for (var group : new java.util.List[] {schema.getAllOf(), schema.getAnyOf(), schema.getOneOf()}) {
            if (group != null) {
                ((java.util.List<Schema<?>>) group).forEach(member -> bound(member, limits));
            }
        }
    }

    private static boolean isA(Schema<?> schema, String type) {
        return type.equals(schema.getType()) || (schema.getTypes() != null && schema.getTypes().contains(type));
    }

    /** The component schemas a request body names, directly or through other schemas. */
    private static void referenced(Content content, OpenAPI openApi, Set<String> names) {
        if (content != null) {
            content.values().forEach(media -> collect(media.getSchema(), openApi, names));
        }
    }

    @SuppressWarnings("unchecked")
    private static void collect(Schema<?> schema, OpenAPI openApi, Set<String> names) {
        if (schema == null) {
            return;
        }
        if (schema.get$ref() != null) {
            String name = schema.get$ref().substring(SCHEMAS.length());
            if (names.add(name)) {
                collect(openApi.getComponents().getSchemas().get(name), openApi, names);
            }
            return;
        }
        collect(schema.getItems(), openApi, names);
        if (schema.getProperties() != null) {
            schema.getProperties().values().forEach(property -> collect(property, openApi, names));
        }
        if (schema.getAdditionalProperties() instanceof Schema<?> values) {
            collect(values, openApi, names);
        }
        for (var group : new java.util.List[] {schema.getAllOf(), schema.getAnyOf(), schema.getOneOf()}) {
            if (group != null) {
                ((java.util.List<Schema<?>>) group).forEach(member -> collect(member, openApi, names));
            }
        }
    }
}
