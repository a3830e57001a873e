/** How the service uses Redis, which is only ever a shortcut: a circuit breaker in front of it, and quick reconnects. */
@NullMarked
package org.aidline.api.redis;

import org.jspecify.annotations.NullMarked;
