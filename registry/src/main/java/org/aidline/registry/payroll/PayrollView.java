package org.aidline.registry.payroll;

import org.aidline.registry.disbursement.RunProgress;

/** A payroll with how far it has come. */
public record PayrollView(Payroll payroll, RunProgress progress) {
}
