package org.aidline.api.payment.web;

import java.math.BigDecimal;
import org.aidline.intake.grant.GrantId;
import org.aidline.intake.money.Money;
import org.aidline.intake.payment.PaymentId;
import org.aidline.intake.payment.PaymentInstruction;
import org.aidline.intake.region.VillageCode;
import org.aidline.intake.report.ReportId;
import org.mapstruct.Mapper;
import org.mapstruct.Mapping;

/** From payment instructions to the JSON of the API; a new field that is not mapped fails the build. */
@Mapper
public interface PaymentWebMapper {

    @Mapping(target = "grantId", source = "grant")
    @Mapping(target = "reportId", source = "report")
    @Mapping(target = "villageCode", source = "village")
    @Mapping(target = "countyCode", expression = "java(instruction.countyCode())")
    PaymentResponse toResponse(PaymentInstruction instruction);

    default String id(PaymentId id) {
        return id.toString();
    }

    default String id(GrantId id) {
        return id.toString();
    }

    default String id(ReportId id) {
        return id.toString();
    }

    default String code(VillageCode village) {
        return village.value();
    }

    default BigDecimal yuan(Money money) {
        return money.yuan();
    }
}
