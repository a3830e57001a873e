package org.aidline.api.registryimport.web;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ThreadLocalRandom;
import reactor.core.publisher.Flux;

/**
 * Generated import files: people with valid ID numbers (new in each instance, so runs do not meet),
 * villages of the seed, one enrolment a row; every tenth row names the person of five rows before in a
 * second programme, every third person lives with two others in a household of the feed (key
 * householdId), and four rows are planted bad, one of each kind.
 */
final class PeopleFiles {

    static final String HEADER = "name,idNumber,villageCode,programme,monthlyAmount,startsOn,status,reason,householdId";
    private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final String[] SURNAMES = {"马", "王", "李", "张", "杨", "海", "丁", "田"};

    private final long firstSlot = ThreadLocalRandom.current().nextLong(0, 20_000_000L);
    private final List<String> villages;

    PeopleFiles(List<String> villages) {
        this.villages = villages;
    }

    /** The i-th person's ID number: region 640105, a birth date from 1940 and a sequence, with its check character. */
    String idNumber(int person) {
        long slot = firstSlot + person;
        StringBuilder id = new StringBuilder("640105");
        id.append(LocalDate.of(1940, 1, 1).plusDays(slot / 1000).format(DateTimeFormatter.BASIC_ISO_DATE));
        id.append(String.format("%03d", slot % 1000));
        return id.append(check(id)).toString();
    }

    static char check(CharSequence first17) {
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (first17.charAt(i) - '0') * WEIGHTS[i];
        }
        return "10X98765432".charAt(sum % 11);
    }

    /** The CSV lines (header first), each ending with a newline; {@code raise}: fen added to the amount of rows 1 to raise. */
    Flux<String> csv(int rows, int raise) {
        return Flux.concat(Flux.just(HEADER + "\n"), Flux.range(1, rows).map(row -> line(row, raise) + "\n"));
    }

    String line(int row, int raise) {
        int person = person(row);
        boolean second = isSecondProgramme(row);
        // A household lives in one village: every third person and the two before share the household's.
        boolean inHousehold = person % 3 == 0;
        String village = villages.get((inHousehold ? person / 9 : person) % villages.size());
        long fen = 60_000 + (person % 50) * 100 + (row <= raise ? 1 : 0);
        String amount = (fen / 100) + "." + String.format("%02d", fen % 100);
        String idNumber = idNumber(person);
        String programme = second ? "DISABILITY_SUBSIDY" : "MINIMUM_LIVING";
        switch (badKind(row)) {
            case "idNumber" -> idNumber = idNumber.substring(0, 17) + (idNumber.charAt(17) == '0' ? '1' : '0');
            case "villageCode" -> village = village.substring(0, 6) + "999999";
            case "programme" -> programme = "GOLDEN_HANDSHAKE";
            case "monthlyAmount" -> amount = "600.125";
            default -> {
            }
        }
        String household = inHousehold ? "HH-" + (person / 9) + "-" + firstSlot : "";
        return String.join(",", SURNAMES[person % SURNAMES.length] + "测试" + person, idNumber, village, programme, amount,
                "2025-01-01", "ACTIVE", "", household);
    }

    /** Rows 10, 20, ... name the person of five rows before again, in another programme: same member, second enrolment. */
    static boolean isSecondProgramme(int row) {
        return row % 10 == 0;
    }

    static int person(int row) {
        return isSecondProgramme(row) ? row - 5 : row;
    }

    /** The planted bad rows, by row, with the field each is refused for. */
    static Map<Long, String> badRows() {
        Map<Long, String> bad = new TreeMap<>();
        bad.put(101L, "idNumber");
        bad.put(203L, "villageCode");
        bad.put(307L, "programme");
        bad.put(409L, "monthlyAmount");
        return bad;
    }

    private static String badKind(int row) {
        return badRows().getOrDefault((long) row, "");
    }

    static long secondProgrammes(int rows) {
        List<Integer> seconds = new ArrayList<>();
        for (int row = 1; row <= rows; row++) {
            if (isSecondProgramme(row)) {
                seconds.add(row);
            }
        }
        return seconds.size();
    }
}
