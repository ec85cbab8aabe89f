package io.formcheck.model;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
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
    private static final int MAX_RANK = 8;

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
    /**
     * How many models of the header's architecture the file holds (the trainer writes networks trained
     * from different seeds), answering with their mean probabilities (absent: one, under the plain tensor names). Member k's tensors are filed under
     * {@link #memberPrefix}; the tensors of no member (input statistics) are shared.
     */
    public static final String MEMBERS = "members";

    private static final String MEMBER_PREFIX = "member.";
    /** The most members a file may hold: bounds a request's work, far beyond what averaging needs. */
    public static final int MAX_MEMBERS = 64;

    /** Copies both maps: a model file, once built, does not change (the tensors' arrays are not copied). */
    public ModelFile {
        header = Collections.unmodifiableSortedMap(new TreeMap<>(header));
        tensors = Collections.unmodifiableMap(new LinkedHashMap<>(tensors));
        for (Map.Entry<String, String> e : header.entrySet()) {
            if (!e.getKey().matches("[A-Za-z0-9_.\\-]+")) {
                throw new IllegalArgumentException(
                        "header key '" + e.getKey() + "' has characters other than letters, digits, _ . -");
            }
            if (e.getValue().indexOf('\n') >= 0 || e.getValue().indexOf('\r') >= 0) {
                throw new IllegalArgumentException("header value of '" + e.getKey() + "' spans lines");
            }
        }
        for (Map.Entry<String, Tensor> e : tensors.entrySet()) {
            if (!e.getKey().equals(e.getValue().name())) {
                throw new IllegalArgumentException(
                        "tensor '" + e.getValue().name() + "' is filed under the name '" + e.getKey() + "'");
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

    public int positiveIntValue(String key) throws ModelFormatException {
        int value = intValue(key);
        if (value <= 0) {
            throw new ModelFormatException("header entry '" + key + "' must be positive, got " + value);
        }
        return value;
    }

    public List<String> listValue(String key) throws ModelFormatException {
        return List.of(get(key).split(","));
    }

    /** Where member k's tensors are filed in a file of several members. */
    public static String memberPrefix(int k) {
        return MEMBER_PREFIX + k + ".";
    }

    /**
     * The file's members, each a model file of its own: the header without {@link #MEMBERS}, the shared
     * tensors (of no member), and the member's tensors under their plain names; the file itself where its
     * header names no members. Refuses a file whose members do not hold the same tensor names, a tensor
     * of no member the header counts, a plain tensor of a name the members hold (which a member lacking it
     * would silently read instead), and member tensors in a file whose header names no members.
     */
    public List<ModelFile> members() throws ModelFormatException {
        if (!header.containsKey(MEMBERS)) {
            for (String name : tensors.keySet()) {
                if (name.startsWith(MEMBER_PREFIX)) {
                    throw new ModelFormatException(
                            "tensor '" + name + "' is filed under a member, but the header names no members");
                }
            }
            return List.of(this);
        }
        int n = positiveIntValue(MEMBERS);
        if (n > MAX_MEMBERS) {
            throw new ModelFormatException(
                    "header entry '" + MEMBERS + "' is " + n + "; at most " + MAX_MEMBERS + " members are averaged");
        }
        List<Map<String, Tensor>> own = new ArrayList<>();
        for (int k = 0; k < n; k++) {
            own.add(new LinkedHashMap<>());
        }
        Map<String, Tensor> shared = new LinkedHashMap<>();
        for (Tensor t : tensors.values()) {
            if (!t.name().startsWith(MEMBER_PREFIX)) {
                shared.put(t.name(), t);
                continue;
            }
            String[] parts = t.name().split("\\.", 3);
            // only the names memberPrefix writes: "member.01.x" would be a second name for member 1's x
            int k = parts.length == 3 && parts[1].matches("0|[1-9][0-9]{0,8}") && !parts[2].isEmpty()
                    ? Integer.parseInt(parts[1])
                    : -1;
            if (k < 0 || k >= n) {
                throw new ModelFormatException(
                        "tensor '" + t.name() + "' belongs to none of the " + n + " members the header names");
            }
            own.get(k).put(parts[2], new Tensor(parts[2], t.shape(), t.data()));
        }
        for (int k = 0; k < n; k++) {
            if (!own.get(k).keySet().equals(own.get(0).keySet())) {
                Set<String> missing = new TreeSet<>(own.get(0).keySet());
                missing.removeAll(own.get(k).keySet());
                Set<String> extra = new TreeSet<>(own.get(k).keySet());
                extra.removeAll(own.get(0).keySet());
                throw new ModelFormatException("member " + k + " does not hold the tensors member 0 holds: "
                        + (missing.isEmpty() ? "it has " + extra + " besides" : "it lacks " + missing));
            }
        }
        if (own.get(0).isEmpty()) {
            throw new ModelFormatException(
                    "the header names " + n + " members, but no tensor is filed under '" + MEMBER_PREFIX + "k.'");
        }
        for (String name : shared.keySet()) {
            if (own.get(0).containsKey(name)) {
                throw new ModelFormatException(
                        "tensor '" + name + "' is filed both as shared and under the members' names");
            }
        }
        SortedMap<String, String> memberHeader = new TreeMap<>(header);
        memberHeader.remove(MEMBERS);
        List<ModelFile> out = new ArrayList<>();
        for (Map<String, Tensor> m : own) {
            Map<String, Tensor> view = new LinkedHashMap<>(shared);
            view.putAll(m);
            out.add(new ModelFile(memberHeader, view));
        }
        return out;
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

    /** The tensor a schema names, which must have the schema's shape. */
    public Tensor tensor(TensorSpec spec) throws ModelFormatException {
        return tensor(spec.name(), spec.shape());
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
        Body body = new Body(ByteBuffer.wrap(bytes, 0, bytes.length - 4).position(MAGIC.length + 4));
        SortedMap<String, String> header = parseHeader(body.utf8("the header"));
        int count = body.int32("the tensor count");
        if (count < 0) {
            throw malformed("the tensor count is negative (" + count + ")");
        }
        Map<String, Tensor> tensors = new LinkedHashMap<>();
        for (int i = 0; i < count; i++) {
            String name = body.utf8("the name of tensor " + i);
            String what = "tensor '" + name + "'";
            int rank = body.int32("the rank of " + what);
            if (rank <= 0 || rank > MAX_RANK) {
                throw malformed(what + " has rank " + rank + " (expected 1 to " + MAX_RANK + ")");
            }
            int[] shape = new int[rank];
            long bytesNeeded = Float.BYTES;
            for (int d = 0; d < rank; d++) {
                shape[d] = body.int32("the shape of " + what);
                if (shape[d] <= 0) {
                    throw malformed(what + " has a non-positive dimension " + shape[d]);
                }
                // capped, so the product cannot overflow; need() refuses anything this large anyway
                bytesNeeded = Math.min(bytesNeeded * shape[d], MAX_FILE_BYTES + 1);
            }
            body.need(bytesNeeded, "the values of " + what + " " + Arrays.toString(shape));
            float[] data = new float[(int) (bytesNeeded / Float.BYTES)];
            body.buf.asFloatBuffer().get(data);
            body.buf.position(body.buf.position() + (int) bytesNeeded);
            if (tensors.put(name, new Tensor(name, shape, data)) != null) {
                throw malformed(what + " appears twice");
            }
        }
        if (body.buf.hasRemaining()) {
            throw malformed(body.buf.remaining() + " unexpected bytes after its tensors");
        }
        try {
            return new ModelFile(header, tensors);
        } catch (IllegalArgumentException e) {
            throw new ModelFormatException("model file is malformed: " + e.getMessage(), e);
        }
    }

    /** "key=value" lines, each ending in a line break; a line without '=' or a key given twice is refused. */
    private static SortedMap<String, String> parseHeader(String text) throws ModelFormatException {
        SortedMap<String, String> header = new TreeMap<>();
        if (text.isEmpty()) {
            return header;
        }
        if (!text.endsWith("\n")) {
            throw malformed("its header does not end with a line break");
        }
        String[] lines = text.substring(0, text.length() - 1).split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            int eq = line.indexOf('=');
            if (eq <= 0) {
                String shown = line.length() > 60 ? line.substring(0, 60) + "..." : line;
                throw malformed("header line " + (i + 1) + " '" + shown + "' is not key=value");
            }
            String key = line.substring(0, eq);
            if (header.put(key, line.substring(eq + 1)) != null) {
                throw malformed("header key '" + key + "' appears twice");
            }
        }
        return header;
    }

    private static ModelFormatException malformed(String what) {
        return new ModelFormatException("model file is malformed: " + what);
    }

    /** The bytes between the version and the checksum, read in order; each read names what it reads. */
    private record Body(ByteBuffer buf) {
        void need(long bytes, String what) throws ModelFormatException {
            if (bytes > buf.remaining()) {
                throw new ModelFormatException("model file is truncated: it ends inside " + what + " (" + bytes
                        + " bytes needed, " + buf.remaining() + " left)");
            }
        }

        int int32(String what) throws ModelFormatException {
            need(Integer.BYTES, what);
            return buf.getInt();
        }

        String utf8(String what) throws ModelFormatException {
            int length = int32("the length of " + what);
            if (length < 0) {
                throw malformed("the length of " + what + " is negative (" + length + ")");
            }
            need(length, what);
            try {
                String s = StandardCharsets.UTF_8
                        .newDecoder()
                        .onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT)
                        .decode(buf.slice(buf.position(), length))
                        .toString();
                buf.position(buf.position() + length);
                return s;
            } catch (CharacterCodingException e) {
                throw malformed(what + " is not valid UTF-8");
            }
        }
    }
}
