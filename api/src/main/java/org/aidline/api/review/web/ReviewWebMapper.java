package org.aidline.api.review.web;

import java.math.BigDecimal;
import org.aidline.intake.grant.GrantId;
import org.aidline.intake.money.Money;
import org.aidline.intake.region.VillageCode;
import org.aidline.intake.report.ReportId;
import org.aidline.intake.review.ApprovalDecision;
import org.aidline.intake.review.GrantUnderReview;
import org.aidline.intake.review.ReviewDecision;
import org.mapstruct.Mapper;
import org.mapstruct.Mapping;
import org.mapstruct.NullValueCheckStrategy;

/** Between the review JSON (yuan) and the review domain (fen). */
@Mapper(nullValueCheckStrategy = NullValueCheckStrategy.ALWAYS)
public interface ReviewWebMapper {

    @Mapping(target = "reportId", source = "report")
    @Mapping(target = "villageCode", source = "village")
    @Mapping(target = "policyCounty", source = "policy.countyCode")
    @Mapping(target = "policyVersion", source = "policy.version")
    GrantResponse toResponse(GrantUnderReview grant);

    ReviewDecision toDecision(ReviewRequest request);

    ApprovalDecision toDecision(ApprovalRequest request);

    default Money money(BigDecimal yuan) {
        return Money.ofYuan(yuan);
    }

    default BigDecimal yuan(Money money) {
        return money.yuan();
    }

    default String id(GrantId id) {
        return id.toString();
    }

    default String id(ReportId id) {
        return id.toString();
    }

    default String village(VillageCode village) {
        return village.value();
    }
}
