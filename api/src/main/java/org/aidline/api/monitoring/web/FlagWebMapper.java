package org.aidline.api.monitoring.web;

import org.aidline.intake.monitoring.FlagKey;
import org.aidline.intake.monitoring.MonitoringFlag;
import org.aidline.intake.region.VillageCode;
import org.aidline.intake.report.ResidentId;
import org.aidline.intake.report.Subject;
import org.mapstruct.Mapper;
import org.mapstruct.Mapping;
import org.mapstruct.NullValueCheckStrategy;

/** From a validated flag row to the intake domain; a new field that is not mapped fails the build. */
@Mapper(nullValueCheckStrategy = NullValueCheckStrategy.ALWAYS, imports = FlagKey.class)
public interface FlagWebMapper {

    @Mapping(target = "key", expression = "java(new FlagKey(source, request.flagId()))")
    @Mapping(target = "village", source = "request.villageCode")
    @Mapping(target = "subject", source = "request")
    MonitoringFlag toFlag(FlagRequest request, String source);

    @Mapping(target = "name", source = "subjectName")
    @Mapping(target = "phone", ignore = true)
    Subject toSubject(FlagRequest request);

    default VillageCode village(String code) {
        return new VillageCode(code);
    }

    default ResidentId residentId(String idNumber) {
        return new ResidentId(idNumber);
    }
}
