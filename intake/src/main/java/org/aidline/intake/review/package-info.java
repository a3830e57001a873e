/**
 * Supervisor review of fast-track grants: confirm, adjust or revoke with clawback, approve or
 * refuse what a request asked above the cap, and override the one-grant-per-household rule.
 */
@NullMarked
package org.aidline.intake.review;

import org.jspecify.annotations.NullMarked;
