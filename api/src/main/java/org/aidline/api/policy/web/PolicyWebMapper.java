package org.aidline.api.policy.web;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.aidline.intake.money.Money;
import org.aidline.intake.policy.CaseRules;
import org.aidline.intake.policy.Policy;
import org.aidline.intake.policy.PolicyChange;
import org.aidline.intake.policy.PolicyRevision;
import org.aidline.intake.policy.WorkOrderRules;
import org.aidline.intake.report.Category;
import org.mapstruct.Mapper;
import org.mapstruct.Mapping;
import org.mapstruct.NullValueCheckStrategy;

/** Between the policy JSON (yuan, ISO-8601 durations) and the policy domain (fen, durations). */
@Mapper(nullValueCheckStrategy = NullValueCheckStrategy.ALWAYS)
public interface PolicyWebMapper {

    PolicyChange toChange(PolicyRequest request);

    @Mapping(target = ".", source = "revision.policy")
    @Mapping(target = "countyCode", source = "countyCode")
    @Mapping(target = "policyCounty", source = "revision.policy.countyCode")
    @Mapping(target = "source", expression = "java(revision.isProvinceDefault() ? \"PROVINCE_DEFAULT\" : \"COUNTY\")")
    @Mapping(target = "ordinaryCase", expression = "java(ordinaryCase(revision.policy()))")
    PolicyResponse toResponse(PolicyRevision revision, String countyCode);

    default PolicyResponse.OrdinaryCaseView ordinaryCase(Policy policy) {
        CaseRules rules = policy.ordinaryCase();
        return new PolicyResponse.OrdinaryCaseView(policy.townshipCap().yuan(), rules.fixedTownshipCap() != null, rules.investigation(),
                rules.meansTest(), rules.noticeDays(), rules.deliberation(), rules.afterPayment().stream().sorted().map(Enum::name).toList(),
                rules.filedDecisionReviewDays());
    }

    default WorkOrderRulesBody workOrders(WorkOrderRules rules) {
        Map<Category, Integer> byCategory = new TreeMap<>(rules.handlingWorkingDaysByCategory());
        return new WorkOrderRulesBody(rules.signForWorkingDays(), rules.handlingWorkingDays(), byCategory, rules.yellowPercent(),
                rules.maxExtensions(), rules.maxExtensionWorkingDays(), rules.sendBackWorkingDays(), rules.callBackTries());
    }

    default WorkOrderRules workOrderRules(WorkOrderRulesBody body) {
        return new WorkOrderRules(body.signForWorkingDays(), body.handlingWorkingDays(), body.handlingWorkingDaysByCategory(),
                body.yellowPercent(), body.maxExtensions(), body.maxExtensionWorkingDays(), body.sendBackWorkingDays(), body.callBackTries());
    }

    default CaseRules caseRules(PolicyRequest.OrdinaryCaseRequest request) {
        return new CaseRules(request.townshipCap() == null ? null : Money.ofYuan(request.townshipCap()), request.investigation(),
                request.meansTest(), request.noticeDays(), request.deliberation(), request.afterPayment(), request.filedDecisionReviewDays());
    }

    default PolicyHistory toHistory(String countyCode, List<PolicyRevision> revisions) {
        return new PolicyHistory(countyCode, revisions.stream().map(revision -> toResponse(revision, countyCode)).toList());
    }

    default Money money(BigDecimal yuan) {
        return Money.ofYuan(yuan);
    }

    default BigDecimal yuan(Money money) {
        return money.yuan();
    }

    default Map<Category, List<Money>> amountsInFen(Map<Category, List<BigDecimal>> yuan) {
        Map<Category, List<Money>> fen = new EnumMap<>(Category.class);
        yuan.forEach((category, amounts) -> fen.put(category, amounts.stream().map(Money::ofYuan).toList()));
        return fen;
    }

    default Map<String, List<BigDecimal>> amountsInYuan(Map<Category, List<Money>> fen) {
        Map<String, List<BigDecimal>> yuan = new LinkedHashMap<>();
        new TreeMap<>(fen).forEach((category, amounts) -> yuan.put(category.name(), amounts.stream().map(Money::yuan).toList()));
        return yuan;
    }

    default Map<String, List<String>> documentsByName(Map<Category, List<String>> documents) {
        Map<String, List<String>> byName = new LinkedHashMap<>();
        new TreeMap<>(documents).forEach((category, names) -> byName.put(category.name(), names));
        return byName;
    }

    default List<String> categories(Set<Category> categories) {
        return categories.stream().sorted().map(Category::name).toList();
    }

    default Duration duration(String iso) {
        return Duration.parse(iso);
    }

    /** Whole days as {@code P10D} rather than {@code PT240H}: decrees speak in days. */
    default String iso(Duration duration) {
        return duration.toSeconds() % 86_400 == 0 && !duration.isZero() ? "P" + duration.toDays() + "D" : duration.toString();
    }
}
