package org.aidline.intake.report;

/** Where the reporter was, in WGS-84 degrees. */
public record Location(double latitude, double longitude) {

    public Location {
        if (latitude < -90 || latitude > 90 || longitude < -180 || longitude > 180) {
            throw new IllegalArgumentException("A location is latitude -90..90 and longitude -180..180");
        }
    }
}
