/** The Spring Boot application: HTTP, security, idempotency, rate limits, configuration, embedded default. */
@NullMarked
package org.aidline.api;

import org.jspecify.annotations.NullMarked;
