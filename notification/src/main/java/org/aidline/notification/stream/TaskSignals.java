package org.aidline.notification.stream;

import reactor.core.publisher.Flux;

/** Tells the streams of every instance that a recipient has news. Best effort: the streams also poll. */
public interface TaskSignals {

    void changed(String recipient);

    /** Recipients with news, from this instance and the others. */
    Flux<String> changes();
}
