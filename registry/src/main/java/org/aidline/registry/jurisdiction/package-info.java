/**
 * Who may run what of the registry's payouts: supervisors of a county or of the province above it,
 * and the refusals every feature of the registry answers with.
 */
@NullMarked
package org.aidline.registry.jurisdiction;

import org.jspecify.annotations.NullMarked;
