/**
 * The beneficiary registry: the people already in assistance (households, members, programme
 * enrolments with their monthly amounts), the standards those amounts follow, and what is paid
 * from it: monthly payrolls and one-off campaigns; departments' events that raise warnings.
 * It owns its tables (schema {@code registry}); it reads intake's published views and calls
 * intake's services (filing a report, the ledger), never intake's tables.
 */
@NullMarked
package org.aidline.registry;

import org.jspecify.annotations.NullMarked;
