package org.aidline.registry.importing;

/** Where an import stands: reading and writing, done, or stopped by a failure (what was written stays). */
public enum ImportStatus {
    RUNNING,
    COMPLETED,
    FAILED
}
