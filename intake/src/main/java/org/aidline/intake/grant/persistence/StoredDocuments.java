package org.aidline.intake.grant.persistence;

import java.time.Instant;
import java.util.List;
import org.aidline.intake.grant.GrantDocument;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** A grant's documents as stored in {@code aid_grant.documents}: a JSON array whose shape does not follow the domain's. */
public final class StoredDocuments {

    private static final TypeReference<List<StoredDocument>> DOCUMENTS = new TypeReference<>() { };

    private final JsonMapper json;

    public StoredDocuments(JsonMapper json) {
        this.json = json;
    }

    public List<GrantDocument> read(String stored) {
        return json.readValue(stored, DOCUMENTS).stream()
                .map(row -> new GrantDocument(row.type(), row.sha256(), row.size(), row.uri(), row.attachedBy(), Instant.parse(row.attachedAt())))
                .toList();
    }

    public String write(List<GrantDocument> documents) {
        return json.writeValueAsString(documents.stream()
                .map(document -> new StoredDocument(document.type(), document.sha256(), document.size(), document.uri(),
                        document.attachedBy(), document.attachedAt().toString()))
                .toList());
    }

    /** One element of the array. */
    public record StoredDocument(String type, String sha256, long size, String uri, String attachedBy, String attachedAt) {
    }
}
