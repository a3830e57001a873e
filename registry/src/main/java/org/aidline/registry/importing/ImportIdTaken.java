package org.aidline.registry.importing;

/** An import id offered by a client that another import has already. */
public class ImportIdTaken extends RuntimeException {

    public ImportIdTaken(ImportId id) {
        super("An import with id " + id + " exists already", null, false, false);
    }
}
