/**
 * The loops that grant units and send batches on every instance, started and stopped with the context.
 */
@NullMarked
package org.aidline.registry.disbursement.background;

import org.jspecify.annotations.NullMarked;
