/** Partners and referrals in PostgreSQL; a referral's row is its own outbox entry. */
@NullMarked
package org.aidline.intake.referral.persistence;

import org.jspecify.annotations.NullMarked;
