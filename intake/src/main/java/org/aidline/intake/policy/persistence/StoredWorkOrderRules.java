package org.aidline.intake.policy.persistence;

import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.aidline.intake.policy.WorkOrderRules;
import org.aidline.intake.report.Category;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The work orders' clocks as the policy table keeps them (JSON); versions from before they existed keep the default. */
public final class StoredWorkOrderRules {

    private StoredWorkOrderRules() {
    }

    public static WorkOrderRules read(JsonMapper json, @Nullable String rules) {
        if (rules == null) {
            return WorkOrderRules.DEFAULT;
        }
        WorkOrderRules fallback = WorkOrderRules.DEFAULT;
        JsonNode node = json.readTree(rules);
        Map<Category, Integer> byCategory = new EnumMap<>(Category.class);
        node.path("handlingWorkingDaysByCategory").properties()
                .forEach(entry -> byCategory.put(Category.valueOf(entry.getKey()), entry.getValue().asInt()));
        return new WorkOrderRules(node.path("signForWorkingDays").asInt(fallback.signForWorkingDays()),
                node.path("handlingWorkingDays").asInt(fallback.handlingWorkingDays()), byCategory,
                node.path("yellowPercent").asInt(fallback.yellowPercent()), node.path("maxExtensions").asInt(fallback.maxExtensions()),
                node.path("maxExtensionWorkingDays").asInt(fallback.maxExtensionWorkingDays()),
                node.path("sendBackWorkingDays").asInt(fallback.sendBackWorkingDays()), node.path("callBackTries").asInt(fallback.callBackTries()));
    }

    public static String write(JsonMapper json, WorkOrderRules rules) {
        Map<String, Object> stored = new LinkedHashMap<>();
        stored.put("signForWorkingDays", rules.signForWorkingDays());
        stored.put("handlingWorkingDays", rules.handlingWorkingDays());
        Map<String, Integer> byCategory = new LinkedHashMap<>();
        rules.handlingWorkingDaysByCategory().entrySet().stream().sorted(Map.Entry.comparingByKey())
                .forEach(entry -> byCategory.put(entry.getKey().name(), entry.getValue()));
        stored.put("handlingWorkingDaysByCategory", byCategory);
        stored.put("yellowPercent", rules.yellowPercent());
        stored.put("maxExtensions", rules.maxExtensions());
        stored.put("maxExtensionWorkingDays", rules.maxExtensionWorkingDays());
        stored.put("sendBackWorkingDays", rules.sendBackWorkingDays());
        stored.put("callBackTries", rules.callBackTries());
        return json.writeValueAsString(stored);
    }
}
