package org.aidline.api.report.web;

import jakarta.validation.groups.Default;

/** Validation groups: what a field must hold depends on the channel a report comes through. */
public final class Channels {

    private Channels() {
    }

    /** A citizen's own report: they know their ID number. */
    public interface SelfReport extends Default {
    }

    /** A hotline report: a caller and a call id, the ID number may be unknown. */
    public interface Hotline extends Default {
    }
}
