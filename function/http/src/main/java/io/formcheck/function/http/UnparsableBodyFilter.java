package io.formcheck.function.http;

import io.quarkus.logging.LoggingFilter;
import java.util.logging.Filter;
import java.util.logging.LogRecord;

/**
 * Drops Funqy's ERROR, with a stack trace, for each request body it cannot bind: the caller already
 * gets a 400 naming the problem (ErrorAnswers), and a bad request is not a server error.
 */
@LoggingFilter(name = "unparsable-body")
public final class UnparsableBodyFilter implements Filter {
    static final String FUNQY_LOGGER = "io.quarkus.funqy";

    @Override
    public boolean isLoggable(LogRecord record) {
        return !(FUNQY_LOGGER.equals(record.getLoggerName())
                && record.getMessage() != null
                && record.getMessage().startsWith("Failed to unmarshal input"));
    }
}
