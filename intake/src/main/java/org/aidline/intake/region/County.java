package org.aidline.intake.region;

/** A county-level division (GB/T 2260): its code and its names in English and Chinese. */
public record County(String code, String name, String nameZh) {
}
