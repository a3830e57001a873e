package org.aidline.api.edge;

import java.util.List;
import org.springframework.http.HttpMethod;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/** Which requests file a report (by app, hotline or Open311): they have their own budget and their own limit in flight. */
final class Filings {

    private static final List<PathPattern> PATHS = List.of(PathPatternParser.defaultInstance.parse("/api/v1/reports"),
            PathPatternParser.defaultInstance.parse("/api/v1/hotline/reports"), PathPatternParser.defaultInstance.parse("/open311/v2/requests.json"));

    private Filings() {
    }

    static boolean isFiling(ServerHttpRequest request) {
        return request.getMethod() == HttpMethod.POST && PATHS.stream().anyMatch(path -> path.matches(request.getPath().pathWithinApplication()));
    }
}
