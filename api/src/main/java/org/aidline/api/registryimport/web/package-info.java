/** HTTP of registry imports: CSV (UTF-8 or GB18030) or JSON lines, streamed; an import's progress. */
@NullMarked
package org.aidline.api.registryimport.web;

import org.jspecify.annotations.NullMarked;
