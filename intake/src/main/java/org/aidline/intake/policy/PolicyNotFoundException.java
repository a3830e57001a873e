package org.aidline.intake.policy;

/** No such county, or none the actor works in: a policy is not shown outside the region. */
public class PolicyNotFoundException extends RuntimeException {

    public PolicyNotFoundException(String countyCode) {
        super("No policy for county " + countyCode + " that you may see");
    }
}
