/** The audit trail's HTTP face and its plumbing: who and which request every transaction is recorded under. */
@NullMarked
package org.aidline.api.audit;

import org.jspecify.annotations.NullMarked;
