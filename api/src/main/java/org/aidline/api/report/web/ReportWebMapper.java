package org.aidline.api.report.web;

import java.math.BigDecimal;
import org.aidline.intake.grant.Grant;
import org.aidline.intake.grant.GrantId;
import org.aidline.intake.money.Money;
import org.aidline.intake.region.VillageCode;
import org.aidline.intake.report.Channel;
import org.aidline.intake.report.Location;
import org.aidline.intake.report.NewReport;
import org.aidline.intake.report.PhoneNumber;
import org.aidline.intake.report.RecordedSubject;
import org.aidline.intake.report.Report;
import org.aidline.intake.report.ReportId;
import org.aidline.intake.report.ReportReference;
import org.aidline.intake.report.ResidentId;
import org.aidline.intake.report.Subject;
import org.aidline.intake.triage.Triage;
import org.mapstruct.Mapper;
import org.mapstruct.Mapping;
import org.mapstruct.NullValueCheckStrategy;

/** Between the JSON of the API and the intake domain; a new field that is not mapped fails the build. */
@Mapper(nullValueCheckStrategy = NullValueCheckStrategy.ALWAYS)
public interface ReportWebMapper {

    @Mapping(target = "village", source = "request.villageCode")
    @Mapping(target = "attachments", source = "request.attachments", defaultExpression = "java(java.util.List.of())")
    @Mapping(target = "orderNumber", ignore = true)
    NewReport toNewReport(ReportRequest request, Channel channel, String filedBy);

    Subject toSubject(ReportRequest.SubjectRequest subject);

    @Mapping(target = "latitude", source = "lat")
    @Mapping(target = "longitude", source = "lon")
    Location toLocation(ReportRequest.LocationRequest location);

    @Mapping(target = "villageCode", source = "village")
    @Mapping(target = "countyCode", expression = "java(report.countyCode())")
    @Mapping(target = "caseView", ignore = true)
    @Mapping(target = "workOrder", ignore = true)
    ReportResponse toResponse(Report report);

    @Mapping(target = "idNumber", source = "maskedIdNumber")
    ReportResponse.SubjectView toView(RecordedSubject subject);

    @Mapping(target = "lat", source = "latitude")
    @Mapping(target = "lon", source = "longitude")
    ReportResponse.LocationView toView(Location location);

    @Mapping(target = "villageCode", source = "village")
    @Mapping(target = "subjectName", source = "subject.name")
    @Mapping(target = "decision", source = "triage.decision")
    ReportSummary toSummary(Report report);

    @Mapping(target = "policyCounty", source = "policy.countyCode")
    @Mapping(target = "policyVersion", source = "policy.version")
    ReportResponse.TriageView toView(Triage triage);

    @Mapping(target = "policyCounty", source = "policy.countyCode")
    @Mapping(target = "policyVersion", source = "policy.version")
    @Mapping(target = "missingDocuments", expression = "java(grant.missingDocuments())")
    ReportResponse.GrantView toView(Grant grant);

    default String grantId(GrantId id) {
        return id.toString();
    }

    default VillageCode village(String code) {
        return new VillageCode(code);
    }

    default ResidentId residentId(String idNumber) {
        return new ResidentId(idNumber);
    }

    default PhoneNumber phone(String phone) {
        return PhoneNumber.parse(phone);
    }

    default String phone(PhoneNumber phone) {
        return phone.digits();
    }

    default Money money(BigDecimal yuan) {
        return Money.ofYuan(yuan);
    }

    default BigDecimal yuan(Money money) {
        return money.yuan();
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
}
