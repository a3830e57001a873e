/**
 * Referrals: a case that belongs (also) to another department or a charity is handed over to that
 * partner, by a signed webhook (through an outbox, so it is delivered once the referral commits and
 * never lost) or by hand, and followed until the partner answers; unanswered, it escalates. Money a
 * charity paid is recorded on the referral, not on the county's ledger.
 */
@NullMarked
package org.aidline.intake.referral;

import org.jspecify.annotations.NullMarked;
