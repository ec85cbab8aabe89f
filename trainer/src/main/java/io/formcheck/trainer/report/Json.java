package io.formcheck.trainer.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.formcheck.model.AtomicFiles;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;

/** Reports as indented JSON, written atomically. */
public final class Json {
    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private Json() {}

    public static void write(Path path, Object value) throws IOException {
        AtomicFiles.write(path, out -> MAPPER.writeValue(new NonClosing(out), value));
    }

    public static ObjectMapper mapper() {
        return MAPPER;
    }

    /** Jackson closes the stream it writes; AtomicFiles closes it itself, once. */
    private static final class NonClosing extends FilterOutputStream {
        NonClosing(OutputStream out) {
            super(out);
        }

        @Override
        public void close() throws IOException {
            flush();
        }
    }
}
