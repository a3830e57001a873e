package org.aidline.api.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.LifecycleMethodExecutionExceptionHandler;
import org.junit.jupiter.api.extension.TestExecutionExceptionHandler;

/**
 * When a test times out waiting for the service (which runs in this JVM), writes every thread's
 * stack to the build folder, so that a hang can be read afterwards instead of guessed at.
 */
public class HangReport implements TestExecutionExceptionHandler, LifecycleMethodExecutionExceptionHandler {

    @Override
    public void handleBeforeEachMethodExecutionException(ExtensionContext context, Throwable failure) throws Throwable {
        handleTestExecutionException(context, failure);
    }

    @Override
    public void handleTestExecutionException(ExtensionContext context, Throwable failure) throws Throwable {
        if (String.valueOf(failure.getMessage()).contains("Timeout on blocking read")) {
            StringBuilder dump = new StringBuilder(context.getDisplayName()).append('\n');
            for (Map.Entry<Thread, StackTraceElement[]> thread : Thread.getAllStackTraces().entrySet()) {
                dump.append('"').append(thread.getKey().getName()).append("\" ").append(thread.getKey().getState()).append('\n');
                for (StackTraceElement frame : thread.getValue()) {
                    dump.append("\tat ").append(frame).append('\n');
                }
            }
            try {
                Files.writeString(Path.of("target", "hang-" + Instant.now().toEpochMilli() + ".txt"), dump);
            } catch (IOException ignored) {
                // The report is a help, never a reason for another failure.
            }
        }
        throw failure;
    }
}
