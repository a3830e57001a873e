package org.aidline.api.idempotency;

/** What Redis knows of an idempotency key when a request arrives with it. */
sealed interface KeyState {

    /** The key is ours now: go ahead. */
    record Claimed() implements KeyState {
    }

    /** Redis could not be asked; PostgreSQL's unique receipt still keeps the request single. */
    record Unknown() implements KeyState {
    }

    /** Another request with the key is running. */
    record InFlight(String fingerprint) implements KeyState {
    }

    /** A request with the key has finished; its answer is kept. */
    record Completed(String fingerprint, String reportId, int status, String body) implements KeyState {
    }
}
