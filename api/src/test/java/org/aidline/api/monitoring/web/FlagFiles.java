package org.aidline.api.monitoring.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.aidline.api.support.SampleReports;
import org.aidline.intake.report.Category;
import reactor.core.publisher.Flux;
import tools.jackson.databind.json.JsonMapper;

/**
 * Uploads as the monitoring platform makes them: rows generated on the fly (so a large upload
 * costs the test no memory either), every hundredth row bad in one of five ways.
 */
final class FlagFiles {

    static final List<String> COLUMNS = List.of(
            "flagId", "villageCode", "category", "subjectName", "idNumber", "householdSize", "reason", "detectedAt");
    /** A household flagged twice, far apart: its second report joins the first, open case. */
    static final long FIRST_OF_HOUSEHOLD = 10;
    static final long SECOND_OF_HOUSEHOLD = 6_000;

    private final String prefix = "NX-DC-" + UUID.randomUUID();
    private final List<String> villages;
    private final String sharedIdNumber = SampleReports.newIdNumber();

    FlagFiles(List<String> villages) {
        this.villages = List.copyOf(villages);
    }

    /** Row i (from 1) as a map of field to value; rows 50, 150, 250, ... are bad. */
    Map<String, Object> row(long i) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("flagId", prefix + "-" + i);
        row.put("villageCode", villages.get((int) (i % villages.size())));
        row.put("category", Category.values()[(int) (i % Category.values().length)].name());
        row.put("subjectName", "马建国" + i);
        if (i == FIRST_OF_HOUSEHOLD || i == SECOND_OF_HOUSEHOLD) {
            row.put("idNumber", sharedIdNumber);
        } else if (i % 5 != 0) {
            row.put("idNumber", SampleReports.newIdNumber());
        }
        row.put("householdSize", (int) (1 + i % 8));
        row.put("reason", "享受低保期间名下登记机动车辆, 车牌 \"宁A·" + i + "\"");
        if (i % 2 == 0) {
            row.put("detectedAt", "2025-03-01T08:00:00Z");
        }
        String field = badField(i);
        if (field != null) {
            breakRow(row, field);
        }
        return row;
    }

    /** The field a bad row is wrong in, or null for a good row. */
    static String badField(long i) {
        if (i % 100 != 50) {
            return null;
        }
        return switch ((int) ((i / 100) % 5)) {
            case 0 -> "idNumber";
            case 1 -> "villageCode";
            case 2 -> "subjectName";
            case 3 -> "householdSize";
            default -> "category";
        };
    }

    /** Every bad row of an upload of n rows, by row number, with the field it is wrong in. */
    static TreeMap<Long, String> badRows(long n) {
        TreeMap<Long, String> bad = new TreeMap<>();
        for (long i = 1; i <= n; i++) {
            if (badField(i) != null) {
                bad.put(i, badField(i));
            }
        }
        return bad;
    }

    private static void breakRow(Map<String, Object> row, String field) {
        switch (field) {
            case "idNumber" -> row.put("idNumber", wrongCheckDigit(SampleReports.newIdNumber()));
            case "villageCode" -> row.put("villageCode", "640104099999"); // township 099 does not exist
            case "subjectName" -> row.remove("subjectName");
            case "householdSize" -> row.put("householdSize", "four");
            default -> row.put("category", "VEHICLE_OWNER");
        }
    }

    private static String wrongCheckDigit(String idNumber) {
        char check = idNumber.charAt(17);
        return idNumber.substring(0, 17) + (check == '0' ? '1' : '0');
    }

    String flagId(long i) {
        return prefix + "-" + i;
    }

    Flux<String> json(long n, JsonMapper json) {
        return Flux.concat(
                Flux.just("["),
                Flux.range(1, (int) n).map(i -> (i == 1 ? "" : ",\n") + json.writeValueAsString(row(i))),
                Flux.just("]"));
    }

    Flux<String> csv(long n) {
        return Flux.concat(
                Flux.just(String.join(",", COLUMNS) + "\r\n"),
                Flux.range(1, (int) n).map(i -> csvLine(row(i)) + "\r\n"));
    }

    static String csvLine(Map<String, Object> row) {
        List<String> fields = new ArrayList<>();
        for (String column : COLUMNS) {
            Object value = row.get(column);
            fields.add(value == null ? "" : quoted(value.toString()));
        }
        return String.join(",", fields);
    }

    static String quoted(String value) {
        return value.contains(",") || value.contains("\"") ? "\"" + value.replace("\"", "\"\"") + "\"" : value;
    }
}
