package org.aidline.registry.importing;

/** The actor may not import: only the registry feed (province-wide) and supervisors (their region) may. */
public class ImportForbidden extends RuntimeException {

    public ImportForbidden() {
        super("Only the registry feed and supervisors import people in assistance", null, false, false);
    }
}
