package org.aidline.api.open311;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.aidline.intake.report.Category;
import org.aidline.intake.report.ReportReference;
import org.aidline.intake.report.ReportStatus;
import org.jspecify.annotations.Nullable;

/**
 * What GET requests.json asks for: given references alone, or a service, a time window and
 * statuses (empty: any); newest first, one page of {@code limit} after {@code offset}.
 */
public record RequestSearch(List<ReportReference> references, @Nullable Category category, @Nullable Instant from,
        @Nullable Instant to, Set<ReportStatus> statuses, int offset, int limit) {

    public RequestSearch {
        references = List.copyOf(references);
        statuses = Set.copyOf(statuses);
    }
}
