package org.aidline.intake.policy;

/** The steps of an ordinary case before its decision, in the order they are done. */
public enum CaseStep {
    /** The coordinator's household visit (入户调查): findings, the household's situation, a recommended amount. */
    INVESTIGATION,
    /** The registries asked about the household's income and assets. */
    MEANS_TEST,
    /** The village's democratic deliberation (民主评议): outcome and votes. */
    DELIBERATION,
    /** Public notice in the village (公示) of what the steps before found, for the policy's days, during which anyone may object. */
    NOTICE
}
