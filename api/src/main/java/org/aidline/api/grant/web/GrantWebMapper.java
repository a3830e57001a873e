package org.aidline.api.grant.web;

import java.math.BigDecimal;
import org.aidline.intake.grant.GrantCase;
import org.aidline.intake.grant.GrantDocument;
import org.aidline.intake.grant.GrantId;
import org.aidline.intake.money.Money;
import org.aidline.intake.region.VillageCode;
import org.aidline.intake.report.Attachment;
import org.aidline.api.report.web.ReportRequest;
import org.aidline.intake.report.ReportId;
import org.aidline.intake.report.ReportReference;
import org.mapstruct.Mapper;
import org.mapstruct.Mapping;

/** Between the JSON of the grant resource and the grant domain; a new field that is not mapped fails the build. */
@Mapper
public interface GrantWebMapper {

    @Mapping(target = ".", source = "grant")
    @Mapping(target = "reportId", source = "grant.report")
    @Mapping(target = "villageCode", source = "village")
    @Mapping(target = "policyCounty", source = "grant.policy.countyCode")
    @Mapping(target = "policyVersion", source = "grant.policy.version")
    @Mapping(target = "missingDocuments", expression = "java(grantCase.grant().missingDocuments())")
    GrantResponse toResponse(GrantCase grantCase);

    GrantDocumentView toView(GrantDocument document);

    Attachment toAttachment(ReportRequest.AttachmentRequest request);

    default String id(GrantId id) {
        return id.toString();
    }

    default String id(ReportId id) {
        return id.toString();
    }

    default String reference(ReportReference reference) {
        return reference.value();
    }

    default String village(VillageCode village) {
        return village.value();
    }

    default BigDecimal yuan(Money money) {
        return money.yuan();
    }
}
