/**
 * Calls to the outside endpoints that move money or read registries (the bank gateway, the SPDCI
 * registries): how Aidline proves who it is to them, with client-credentials tokens and client certificates.
 */
@NullMarked
package org.aidline.api.outbound;

import org.jspecify.annotations.NullMarked;
