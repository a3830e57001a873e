package org.aidline.api.open311.web;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.aidline.api.open311.web.ServiceDefinitionView.AttributeView;
import org.aidline.api.open311.web.ServiceDefinitionView.ValueView;
import org.aidline.intake.report.Category;

/**
 * The Open311 services: one per report category, described for a partner's user in English. The
 * switches have no default, so a new category does not compile until it is described here.
 */
final class Services {

    static final String VILLAGE_CODE = "village_code";
    static final String SUBJECT_NAME = "subject_name";
    static final String SUBJECT_ID_NUMBER = "subject_id_number";
    static final String SUBJECT_PHONE = "subject_phone";
    static final String HOUSEHOLD_SIZE = "household_size";
    static final String URGENT = "urgent";
    static final String REQUESTED_AMOUNT = "requested_amount";

    /** What a citizen's report needs beyond Open311's own fields: the same for every category. */
    static final List<AttributeView> ATTRIBUTES = List.of(
            attribute(VILLAGE_CODE, "string", true, "12 digits", 1,
                    "The code of the village where the household lives (county, township and village: GB/T 2260 and its extension), "
                            + "e.g. 640104001001"),
            attribute(SUBJECT_NAME, "string", true, "up to 100 characters", 2,
                    "The name of the person in hardship: you, or a member of your household"),
            attribute(SUBJECT_ID_NUMBER, "string", true, "18 characters, the check digit is verified", 3,
                    "That person's resident ID number"),
            attribute(SUBJECT_PHONE, "string", false, "5 to 15 digits, optionally with +86, spaces, dashes or brackets", 4,
                    "That person's phone number"),
            attribute(HOUSEHOLD_SIZE, "number", true, "a whole number from 1 to 50", 5, "How many people live in the household"),
            new AttributeView(true, URGENT, "singlevaluelist", true, "true or false", 6,
                    "Whether it cannot wait: an emergency is helped first and its documents follow",
                    List.of(new ValueView("true", "Urgent"), new ValueView("false", "Not urgent"))),
            attribute(REQUESTED_AMOUNT, "number", false, "yuan, at most two decimals", 7, "The amount of aid asked for, if known"));

    private Services() {
    }

    static List<ServiceView> all() {
        return Arrays.stream(Category.values()).map(Services::of).toList();
    }

    static ServiceView of(Category category) {
        return new ServiceView(category.name(), name(category), description(category), true, "realtime",
                category.name().toLowerCase(Locale.ROOT).replace('_', ' '), group(category));
    }

    /** The category of a service code, exactly as services.json lists it. */
    static Optional<Category> category(String code) {
        return Arrays.stream(Category.values()).filter(category -> category.name().equals(code)).findFirst();
    }

    static String name(Category category) {
        return switch (category) {
            case MEDICAL_EMERGENCY -> "Medical emergency";
            case ACCIDENT -> "Accident";
            case DISASTER -> "Disaster";
            case LOSS_OF_INCOME -> "Loss of income";
            case UNEMPLOYED_UNINSURED -> "Unemployed without insurance";
            case UNEMPLOYED_GRADUATE -> "Unemployed graduate";
            case BASIC_LIVING -> "Basic living";
            case CHILD_WITHOUT_CARE -> "Child without care";
            case DISABILITY -> "Disability";
            case OTHER -> "Other hardship";
        };
    }

    private static String description(Category category) {
        return switch (category) {
            case MEDICAL_EMERGENCY -> "A sudden serious illness or injury whose treatment the household cannot pay for.";
            case ACCIDENT -> "An accident (on the road, at work, at home) that leaves the household unable to cope.";
            case DISASTER -> "A fire, flood, earthquake or other disaster that destroyed the home or the livelihood.";
            case LOSS_OF_INCOME -> "The household lost its income and cannot meet its basic needs.";
            case UNEMPLOYED_UNINSURED -> "Out of work, with no unemployment insurance to fall back on.";
            case UNEMPLOYED_GRADUATE -> "A graduate still without work and in hardship.";
            case BASIC_LIVING -> "The household cannot meet its basic living needs: food, clothing, heating.";
            case CHILD_WITHOUT_CARE -> "A child left without anyone to look after them.";
            case DISABILITY -> "Hardship that comes with a disability.";
            case OTHER -> "Any other sudden or temporary hardship.";
        };
    }

    private static String group(Category category) {
        return switch (category) {
            case MEDICAL_EMERGENCY, ACCIDENT, DISASTER -> "Emergencies";
            case LOSS_OF_INCOME, UNEMPLOYED_UNINSURED, UNEMPLOYED_GRADUATE -> "Income";
            case BASIC_LIVING, CHILD_WITHOUT_CARE, DISABILITY -> "Living and care";
            case OTHER -> "Other";
        };
    }

    private static AttributeView attribute(String code, String datatype, boolean required, String datatypeDescription, int order,
            String description) {
        return new AttributeView(true, code, datatype, required, datatypeDescription, order, description, List.of());
    }
}
