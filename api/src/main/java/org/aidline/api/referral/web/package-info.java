/** Referrals over HTTP: partners, referring a report, the partner's answer. */
@NullMarked
package org.aidline.api.referral.web;

import org.jspecify.annotations.NullMarked;
