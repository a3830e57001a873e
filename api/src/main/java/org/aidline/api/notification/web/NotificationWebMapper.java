package org.aidline.api.notification.web;

import java.time.Duration;
import org.aidline.intake.region.VillageCode;
import org.aidline.intake.report.ReportId;
import org.aidline.notification.delivery.DeliveryRecord;
import org.aidline.notification.device.Device;
import org.aidline.notification.task.Availability;
import org.aidline.notification.task.CoordinatorTask;
import org.aidline.notification.task.TaskClock;
import org.aidline.notification.task.TaskEscalation;
import org.aidline.notification.task.TaskId;
import org.mapstruct.Mapper;
import org.mapstruct.Mapping;

/** From tasks and deliveries to the JSON of the API; a new field that is not mapped fails the build. */
@Mapper
public interface NotificationWebMapper {

    @Mapping(target = "villageCode", source = "village")
    @Mapping(target = "extensionsLeft", expression = "java(task.extensionsLeft())")
    @Mapping(target = "extensionWorkingDaysLeft", expression = "java(task.extensionWorkingDaysLeft())")
    TaskView toView(CoordinatorTask task);

    TaskView.ClockView toView(TaskClock clock);

    TaskDetail.EscalationView toView(TaskEscalation escalation);

    DeliveryView toView(DeliveryRecord record);

    AvailabilityView toView(Availability availability);

    @Mapping(target = "provider", source = "service")
    @Mapping(target = "tokenEnding", expression = "java(DeviceView.ending(device.token()))")
    DeviceView toView(Device device);

    default String id(TaskId id) {
        return id.toString();
    }

    default String id(ReportId id) {
        return id.toString();
    }

    default String code(VillageCode village) {
        return village.value();
    }

    default String iso(Duration duration) {
        return duration.toString();
    }
}
