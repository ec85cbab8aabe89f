package io.formcheck.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.CRC32C;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelFileTest {
    @TempDir
    Path dir;

    static ModelFile sample() {
        Map<String, String> header = new TreeMap<>(Map.of("name", "test", "training.config.lr", "0.001"));
        Map<String, Tensor> tensors = new LinkedHashMap<>();
        tensors.put("a", Tensor.of("a", new float[] {1f, -2.5f, 3e-7f, Float.MAX_VALUE, 0f, 7f}, 2, 3));
        tensors.put("b", Tensor.of("b", new float[] {42f}, 1));
        return new ModelFile(new TreeMap<>(header), tensors);
    }

    @Test
    void roundTripKeepsHeaderAndEveryValue() throws IOException {
        Path path = dir.resolve("m.fcmodel");
        sample().write(path);
        ModelFile back = ModelFile.read(path);
        assertEquals(sample().header(), back.header());
        assertEquals(sample().tensors().keySet(), back.tensors().keySet());
        for (String name : back.tensors().keySet()) {
            assertArrayEquals(
                    sample().tensors().get(name).data(),
                    back.tensors().get(name).data());
            assertArrayEquals(
                    sample().tensors().get(name).shape(),
                    back.tensors().get(name).shape());
        }
    }

    @Test
    void wrongMagicIsRefused() {
        byte[] bytes = sample().toBytes();
        bytes[0] = 'X';
        assertMessage(bytes, "wrong magic");
    }

    @Test
    void otherVersionIsRefusedNamingIt() {
        byte[] bytes = sample().toBytes();
        ByteBuffer.wrap(bytes).putInt(8, 9);
        assertMessage(bytes, "unsupported model format version 9");
    }

    @Test
    void flippedByteFailsTheChecksum() {
        byte[] bytes = sample().toBytes();
        bytes[bytes.length - 10] ^= 0x40;
        assertMessage(bytes, "checksum mismatch");
    }

    @Test
    void truncatedFileIsRefused() {
        byte[] bytes = Arrays.copyOf(sample().toBytes(), 40);
        // a truncated file also fails its checksum: recompute it so the structural check is what answers
        assertMessage(withChecksum(Arrays.copyOf(bytes, bytes.length - 4)), "truncated");
    }

    @Test
    void wrongShapeIsRefusedNamingTheTensor() {
        ModelFormatException e = assertThrows(ModelFormatException.class, () -> sample().tensor("a", 3, 2));
        assertTrue(e.getMessage().contains("tensor 'a' has shape [2, 3], expected [3, 2]"), e.getMessage());
    }

    @Test
    void missingHeaderEntryIsNamed() {
        ModelFormatException e = assertThrows(ModelFormatException.class, () -> sample().get("architecture"));
        assertTrue(e.getMessage().contains("'architecture'"), e.getMessage());
    }

    @Test
    void missingFileIsNamed() {
        ModelFormatException e = assertThrows(ModelFormatException.class, () -> ModelFile.read(dir.resolve("none")));
        assertTrue(e.getMessage().contains("does not exist"), e.getMessage());
    }

    @Test
    void failedWriteLeavesTheOldFileWhole() throws IOException {
        Path path = dir.resolve("keep.txt");
        Files.writeString(path, "old");
        assertThrows(
                IOException.class,
                () -> AtomicFiles.write(path, out -> {
                    out.write("half".getBytes());
                    throw new IOException("disk full");
                }));
        assertEquals("old", Files.readString(path));
        try (var files = Files.list(dir)) {
            assertEquals(1, files.count(), "the temporary file is removed");
        }
    }

    private static byte[] withChecksum(byte[] body) {
        CRC32C crc = new CRC32C();
        crc.update(body);
        return ByteBuffer.allocate(body.length + 4)
                .put(body)
                .putInt((int) crc.getValue())
                .array();
    }

    private static void assertMessage(byte[] bytes, String expected) {
        ModelFormatException e = assertThrows(ModelFormatException.class, () -> ModelFile.parse(bytes));
        assertTrue(e.getMessage().contains(expected), e.getMessage());
    }
}
