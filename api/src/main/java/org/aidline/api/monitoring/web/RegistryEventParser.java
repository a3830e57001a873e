package org.aidline.api.monitoring.web;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.aidline.api.problem.FieldError;
import org.aidline.intake.money.Money;
import org.aidline.intake.region.VillageCode;
import org.aidline.intake.report.InvalidResidentIdException;
import org.aidline.intake.report.ResidentId;
import org.aidline.registry.monitoring.EventKey;
import org.aidline.registry.monitoring.RegistryEvent;
import org.aidline.registry.monitoring.RegistryEventType;
import org.jspecify.annotations.Nullable;

/** Checks one event of a request on its own: the event, or every error it has at once. */
final class RegistryEventParser {

    private static final int MAX_NAME = 100;
    private static final int MAX_NOTE = 2000;

    private RegistryEventParser() {
    }

    /** Either an event or errors. */
    record Parsed(@Nullable RegistryEvent event, List<FieldError> errors) {
    }

    static Parsed parse(@Nullable RegistryEventRequest request) {
        if (request == null) {
            return new Parsed(null, List.of(new FieldError("", "an event is an object")));
        }
        List<FieldError> errors = new ArrayList<>();
        EventKey key = null;
        if (request.source() == null || request.eventId() == null) {
            errors.add(new FieldError(request.source() == null ? "source" : "eventId", "required"));
        } else {
            try {
                key = new EventKey(request.source(), request.eventId());
            } catch (IllegalArgumentException e) {
                errors.add(new FieldError("eventId", e.getMessage()));
            }
        }
        RegistryEventType type = null;
        try {
            type = request.type() == null ? null : RegistryEventType.valueOf(request.type());
        } catch (IllegalArgumentException e) {
            // Reported below with the other missing or unknown values.
        }
        if (type == null) {
            errors.add(new FieldError("type", "one of CARER_LOST, DISABILITY_CERTIFIED, DEATH, MEDICAL_BILL"));
        }
        ResidentId idNumber = null;
        try {
            idNumber = request.idNumber() == null ? null : new ResidentId(request.idNumber());
        } catch (InvalidResidentIdException e) {
            errors.add(new FieldError("idNumber", e.getMessage()));
        }
        if (request.idNumber() == null) {
            errors.add(new FieldError("idNumber", "required"));
        }
        VillageCode village = null;
        if (request.villageCode() == null || !VillageCode.isWellFormed(request.villageCode())) {
            errors.add(new FieldError("villageCode", "a 12-digit village code"));
        } else {
            village = new VillageCode(request.villageCode());
        }
        LocalDate occurredOn = null;
        try {
            occurredOn = request.occurredOn() == null ? null : LocalDate.parse(request.occurredOn());
        } catch (DateTimeException e) {
            // Reported below.
        }
        if (occurredOn == null) {
            errors.add(new FieldError("occurredOn", "an ISO date such as 2025-03-01"));
        }
        if (request.amountFen() != null && request.amountFen() < 0) {
            errors.add(new FieldError("amountFen", "not negative"));
        }
        if (type == RegistryEventType.MEDICAL_BILL && request.amountFen() == null) {
            errors.add(new FieldError("amountFen", "required for MEDICAL_BILL"));
        }
        if (request.name() != null && request.name().length() > MAX_NAME) {
            errors.add(new FieldError("name", "at most " + MAX_NAME + " characters"));
        }
        if (request.note() != null && request.note().length() > MAX_NOTE) {
            errors.add(new FieldError("note", "at most " + MAX_NOTE + " characters"));
        }
        if (!errors.isEmpty() || key == null || type == null || idNumber == null || village == null || occurredOn == null) {
            return new Parsed(null, errors);
        }
        Money amount = request.amountFen() == null ? null : Money.ofFen(request.amountFen());
        return new Parsed(new RegistryEvent(key, type, idNumber, request.name(), village, occurredOn, amount, request.note()), List.of());
    }
}
