/** Open311's read model over intake's published views ({@code report_view}, {@code village_directory}). */
@NullMarked
package org.aidline.api.open311.persistence;

import org.jspecify.annotations.NullMarked;
