package org.aidline.api.monitoring.web;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/** The answer to a batch of registry events: counts, and one result per event in the order sent. */
@Schema(name = "RegistryEventsResponse")
public record RegistryEventsResponse(
        int received,
        int reportsFiled,
        int merged,
        int enrolmentsChanged,
        int noAction,
        int alreadyReceived,
        int refused,
        List<RegistryEventResult> results) {

    static RegistryEventsResponse of(List<RegistryEventResult> results) {
        int filed = 0;
        int merged = 0;
        int changed = 0;
        int none = 0;
        int again = 0;
        int refused = 0;
        for (RegistryEventResult result : results) {
            switch (result.outcome()) {
                case "REPORT_FILED" -> filed++;
                case "MERGED" -> merged++;
                case "ENROLMENTS_ENDED" -> changed++;
                case "NO_ACTION" -> none++;
                case "ALREADY_RECEIVED" -> again++;
                default -> refused++;
            }
        }
        return new RegistryEventsResponse(results.size(), filed, merged, changed, none, again, refused, results);
    }
}
