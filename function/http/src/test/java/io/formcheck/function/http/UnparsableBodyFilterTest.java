package io.formcheck.function.http;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.logging.Level;
import java.util.logging.LogRecord;
import org.junit.jupiter.api.Test;

class UnparsableBodyFilterTest {
    private static LogRecord record(String logger, String message) {
        LogRecord r = new LogRecord(Level.SEVERE, message);
        r.setLoggerName(logger);
        return r;
    }

    @Test
    void onlyFunqysUnparsableBodyErrorsAreDropped() {
        UnparsableBodyFilter filter = new UnparsableBodyFilter();
        assertFalse(filter.isLoggable(record("io.quarkus.funqy", "Failed to unmarshal input")));
        assertTrue(filter.isLoggable(record("io.quarkus.funqy", "Failed to invoke function")));
        assertTrue(filter.isLoggable(record("io.formcheck.function", "Failed to unmarshal input")));
        assertTrue(filter.isLoggable(record("io.quarkus.funqy", null)));
    }
}
