/**
 * Development and tests only: the embedded PostgreSQL and Redis of the embedded default. The api
 * declares this module optional, so it is on the class path of {@code spring-boot:run} and of the
 * tests, and never in the packaged jar or the image.
 */
@NullMarked
package org.aidline.dev;

import org.jspecify.annotations.NullMarked;
