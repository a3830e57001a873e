/**
 * HTTP for the registry's payouts: programme standards, monthly payrolls and one-off campaigns
 * (issue 13), with the registry's refusals as problem+json.
 */
@NullMarked
package org.aidline.api.payouts.web;

import org.jspecify.annotations.NullMarked;
