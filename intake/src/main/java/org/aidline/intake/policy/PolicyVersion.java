package org.aidline.intake.policy;

/** Which policy a decision used: the county it belongs to (or the province default) and its version. */
public record PolicyVersion(String countyCode, int version) {

    @Override
    public String toString() {
        return countyCode + "/v" + version;
    }
}
