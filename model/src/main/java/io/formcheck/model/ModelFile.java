package io.formcheck.model;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.zip.CRC32C;

/**
 * A trained classifier on disk: a self-describing text header and float32 tensors.
 *
 * <pre>
 * bytes   "FCMODEL" 0                       magic
 * int32   format version (1)
 * int32   header length, then UTF-8 "key=value\n" lines sorted by key
 * int32   tensor count, then per tensor: int32 name length, UTF-8 name, int32 rank, int32 dims[rank],
 *         float32 values[product of dims]
 * int32   CRC-32C of every byte before it
 * </pre>
 * All numbers are big-endian. The header says what the tensors mean: architecture and hyperparameters,
 * feature names, labels, the longest sequence, and the training summary ({@code training.*} keys).
 */
public record ModelFile(SortedMap<String, String> header, Map<String, Tensor> tensors) {
    public static final int FORMAT_VERSION = 1;
    private static final byte[] MAGIC = {'F', 'C', 'M', 'O', 'D', 'E', 'L', 0};
    private static final long MAX_FILE_BYTES = 256L << 20;

    public static final String NAME = "name";
    public static final String VERSION = "version";
    public static final String TRAINED_AT = "trained_at";
    public static final String ARCHITECTURE = "architecture";
    public static final String FEATURES = "features";
    public static final String LABELS = "labels";
    public static final String MAX_SEQUENCE_LENGTH = "max_sequence_length";
    public static final String INPUT_MEAN = "input.mean";
    public static final String INPUT_STD = "input.std";
    /** "per_repetition" when each repetition's own mean is subtracted after standardization, else "none". */
    public static final String INPUT_CENTERING = "input.centering";

    public ModelFile {
        header = new TreeMap<>(header);
        tensors = new LinkedHashMap<>(tensors);
        for (Map.Entry<String, String> e : header.entrySet()) {
            if (!e.getKey().matches("[A-Za-z0-9_.\\-]+")) {
                throw new IllegalArgumentException(
                        "header key '" + e.getKey() + "' has characters other than letters, digits, _ . -");
            }
            if (e.getValue().indexOf('\n') >= 0 || e.getValue().indexOf('\r') >= 0) {
                throw new IllegalArgumentException("header value of '" + e.getKey() + "' spans lines");
            }
        }
    }

    public String get(String key) throws ModelFormatException {
        String value = header.get(key);
        if (value == null) {
            throw new ModelFormatException("model file lacks the header entry '" + key + "'");
        }
        return value;
    }

    public int intValue(String key) throws ModelFormatException {
        String value = get(key);
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new ModelFormatException("header entry '" + key + "' is not a whole number: '" + value + "'");
        }
    }

    public List<String> listValue(String key) throws ModelFormatException {
        return List.of(get(key).split(","));
    }

    /** The tensor of that name, which must have exactly that shape. */
    public Tensor tensor(String name, int... shape) throws ModelFormatException {
        Tensor t = tensors.get(name);
        if (t == null) {
            throw new ModelFormatException("model file lacks the tensor '" + name + "'");
        }
        if (!Arrays.equals(t.shape(), shape)) {
            throw new ModelFormatException(
                    "tensor '" + name + "' has shape " + t.shapeText() + ", expected " + Arrays.toString(shape));
        }
        return t;
    }

    public byte[] toBytes() {
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            DataOutputStream out = new DataOutputStream(bytes);
            out.write(MAGIC);
            out.writeInt(FORMAT_VERSION);
            StringBuilder text = new StringBuilder();
            header.forEach((k, v) -> text.append(k).append('=').append(v).append('\n'));
            byte[] headerBytes = text.toString().getBytes(StandardCharsets.UTF_8);
            out.writeInt(headerBytes.length);
            out.write(headerBytes);
            out.writeInt(tensors.size());
            for (Tensor t : tensors.values()) {
                byte[] name = t.name().getBytes(StandardCharsets.UTF_8);
                out.writeInt(name.length);
                out.write(name);
                out.writeInt(t.shape().length);
                for (int d : t.shape()) {
                    out.writeInt(d);
                }
                for (float v : t.data()) {
                    out.writeFloat(v);
                }
            }
            out.flush();
            CRC32C crc = new CRC32C();
            crc.update(bytes.toByteArray());
            out.writeInt((int) crc.getValue());
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new IllegalStateException("writing to memory cannot fail", e);
        }
    }

    /** Writes atomically: a reader never sees a half-written model. */
    public void write(Path path) throws IOException {
        byte[] bytes = toBytes();
        AtomicFiles.write(path, out -> out.write(bytes));
    }

    public static ModelFile read(Path path) throws IOException {
        if (!Files.isRegularFile(path)) {
            throw new ModelFormatException("model file " + path + " does not exist or is not a file");
        }
        if (Files.size(path) > MAX_FILE_BYTES) {
            throw new ModelFormatException("model file " + path + " is larger than " + (MAX_FILE_BYTES >> 20) + " MiB");
        }
        return parse(Files.readAllBytes(path));
    }

    public static ModelFile read(InputStream in) throws IOException {
        byte[] bytes = in.readNBytes((int) MAX_FILE_BYTES + 1);
        if (bytes.length > MAX_FILE_BYTES) {
            throw new ModelFormatException("model file is larger than " + (MAX_FILE_BYTES >> 20) + " MiB");
        }
        return parse(bytes);
    }

    public static ModelFile parse(byte[] bytes) throws ModelFormatException {
        if (bytes.length < MAGIC.length + 8 || !Arrays.equals(Arrays.copyOf(bytes, MAGIC.length), MAGIC)) {
            throw new ModelFormatException("not a formcheck model file (wrong magic bytes)");
        }
        ByteBuffer buf = ByteBuffer.wrap(bytes);
        buf.position(MAGIC.length);
        int version = buf.getInt();
        if (version != FORMAT_VERSION) {
            throw new ModelFormatException("unsupported model format version " + version + " (this build reads version "
                    + FORMAT_VERSION + ")");
        }
        CRC32C crc = new CRC32C();
        crc.update(bytes, 0, bytes.length - 4);
        int stored = ByteBuffer.wrap(bytes, bytes.length - 4, 4).getInt();
        if (stored != (int) crc.getValue()) {
            throw new ModelFormatException("model file is damaged (checksum mismatch)");
        }
        ByteBuffer body = ByteBuffer.wrap(bytes, 0, bytes.length - 4);
        body.position(MAGIC.length + 4);
        try {
            SortedMap<String, String> header = new TreeMap<>();
            for (String line : utf8(body, body.getInt()).split("\n")) {
                int eq = line.indexOf('=');
                if (eq > 0) {
                    header.put(line.substring(0, eq), line.substring(eq + 1));
                }
            }
            int count = body.getInt();
            Map<String, Tensor> tensors = new LinkedHashMap<>();
            for (int i = 0; i < count; i++) {
                String name = utf8(body, body.getInt());
                int[] shape = new int[body.getInt()];
                long size = 1;
                for (int d = 0; d < shape.length; d++) {
                    shape[d] = body.getInt();
                    size *= shape[d];
                }
                if (shape.length == 0 || size <= 0 || size * 4 > body.remaining()) {
                    throw new ModelFormatException(
                            "tensor '" + name + "' has an impossible shape " + Arrays.toString(shape));
                }
                float[] data = new float[(int) size];
                body.asFloatBuffer().get(data);
                body.position(body.position() + data.length * 4);
                tensors.put(name, new Tensor(name, shape, data));
            }
            if (body.hasRemaining()) {
                throw new ModelFormatException(
                        "model file has " + body.remaining() + " unexpected bytes after its tensors");
            }
            return new ModelFile(header, tensors);
        } catch (BufferUnderflowException | IllegalArgumentException | IndexOutOfBoundsException e) {
            throw new ModelFormatException("model file is truncated or malformed");
        }
    }

    private static String utf8(ByteBuffer buf, int length) {
        if (length < 0 || length > buf.remaining()) {
            throw new BufferUnderflowException();
        }
        String s = new String(buf.array(), buf.position(), length, StandardCharsets.UTF_8);
        buf.position(buf.position() + length);
        return s;
    }
}
