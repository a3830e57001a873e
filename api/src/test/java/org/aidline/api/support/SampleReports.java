package org.aidline.api.support;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Request bodies as the apps send them, as mutable maps so a test can break one field at a time. */
public final class SampleReports {

    /** A valid resident ID number (check digit X) of someone registered in Beijing. */
    public static final String ID_NUMBER = "11010519491231002X";

    private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final int BIRTH_DAYS = 30_000;
    private static final int SEQUENCES = 1_000;
    /**
     * Walks the whole birth-date x sequence space from a random start: ID numbers drawn at random
     * collide (birthday paradox) once a run files a few thousand reports, and a collision makes a
     * test's household look like a DUPLICATE.
     */
    private static final java.util.concurrent.atomic.AtomicLong NEXT =
            new java.util.concurrent.atomic.AtomicLong(new java.util.Random().nextInt(BIRTH_DAYS * SEQUENCES));

    private SampleReports() {
    }

    /** A valid resident ID number nobody else in the test run has: every sample report is its own household. */
    public static String newIdNumber() {
        long slot = Math.floorMod(NEXT.getAndIncrement(), (long) BIRTH_DAYS * SEQUENCES);
        StringBuilder id = new StringBuilder("640104");
        java.time.LocalDate birth = java.time.LocalDate.of(1940, 1, 1).plusDays(slot / SEQUENCES);
        id.append(birth.format(java.time.format.DateTimeFormatter.BASIC_ISO_DATE));
        id.append(String.format("%03d", slot % SEQUENCES));
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (id.charAt(i) - '0') * WEIGHTS[i];
        }
        return id.append("10X98765432".charAt(sum % 11)).toString();
    }

    public static Map<String, Object> selfReport() {
        Map<String, Object> subject = new HashMap<>();
        subject.put("name", "王建国");
        subject.put("idNumber", newIdNumber());
        subject.put("phone", "+86 138 0013 8000");
        subject.put("householdSize", 4);
        Map<String, Object> body = new HashMap<>();
        body.put("category", "MEDICAL_EMERGENCY");
        body.put("description", "父亲突发脑溢血住院，急需手术费 " + UUID.randomUUID());
        body.put("villageCode", "640104001001");
        body.put("urgent", true);
        body.put("requestedAmount", 3000.50);
        body.put("subject", subject);
        body.put("location", new HashMap<>(Map.of("lat", 38.4872, "lon", 106.2309)));
        body.put("attachments", List.of(new HashMap<>(Map.of(
                "type", "HOSPITAL_ADMISSION",
                "sha256", "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08",
                "size", 204800,
                "uri", "https://files.example.gov.cn/a/9f86d081.jpg"))));
        return body;
    }

    /** A household that lost its income, not urgent: triaged STANDARD, an ordinary case decided in steps. */
    public static Map<String, Object> standardReport(String villageCode, long requestedYuan) {
        Map<String, Object> body = selfReport();
        body.put("category", "LOSS_OF_INCOME");
        body.put("urgent", false);
        body.put("villageCode", villageCode);
        body.put("requestedAmount", requestedYuan);
        body.put("description", "丈夫失业，家中无收入 " + UUID.randomUUID());
        body.remove("attachments");
        return body;
    }

    public static Map<String, Object> hotlineReport(String villageCode, String callerPhone) {
        Map<String, Object> body = selfReport();
        body.put("villageCode", villageCode);
        body.put("category", "LOSS_OF_INCOME");
        body.put("urgent", false);
        body.remove("requestedAmount");
        body.remove("location");
        body.remove("attachments");
        @SuppressWarnings("unchecked")
        Map<String, Object> subject = (Map<String, Object>) body.get("subject");
        subject.remove("idNumber");
        body.put("caller", new HashMap<>(Map.of("phone", callerPhone, "name", "王芳", "relation", "daughter")));
        body.put("callId", "CALL-" + UUID.randomUUID());
        return body;
    }

    @SuppressWarnings("unchecked")
    public static Map<String, Object> subjectOf(Map<String, Object> body) {
        return (Map<String, Object>) body.get("subject");
    }
}
