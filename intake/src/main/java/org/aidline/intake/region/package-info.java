/** Reference geography: prefectures, counties, townships, villages and the scopes staff work in. */
@NullMarked
package org.aidline.intake.region;

import org.jspecify.annotations.NullMarked;
