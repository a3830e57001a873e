package org.aidline.intake.region;

import java.util.regex.Pattern;

/**
 * The part of the province a staff member works in, from the region code on their token: a
 * province or prefecture (6 digits ending in zeros), a county (6), a township (9) or a village
 * (12). A scope covers every village whose code starts with its prefix.
 */
public record RegionScope(String code, String prefix) {

    private static final Pattern FORMAT = Pattern.compile("\\d{6}|\\d{9}|\\d{12}");

    public static RegionScope of(String code) {
        if (!FORMAT.matcher(code).matches()) {
            throw new IllegalArgumentException("A region code has 6, 9 or 12 digits");
        }
        return new RegionScope(code, prefixOf(code));
    }

    public static boolean isWellFormed(String code) {
        return FORMAT.matcher(code).matches();
    }

    private static String prefixOf(String code) {
        if (code.length() == 12 && code.endsWith("000")) {
            return code.substring(0, 9);
        }
        if (code.length() == 6) {
            String prefix = code;
            // 640000 is the province, 640100 a prefecture: their counties share the leading pairs.
            while (prefix.length() > 2 && prefix.endsWith("00")) {
                prefix = prefix.substring(0, prefix.length() - 2);
            }
            return prefix;
        }
        return code;
    }

    public boolean covers(VillageCode village) {
        return village.value().startsWith(prefix);
    }
}
