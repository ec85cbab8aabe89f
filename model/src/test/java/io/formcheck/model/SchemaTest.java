package io.formcheck.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** Each architecture's schema reads back what it writes, and refuses header values it cannot use. */
class SchemaTest {
    private static ModelFile withHeader(Map<String, String> header) {
        return new ModelFile(new TreeMap<>(header), Map.of());
    }

    @Test
    void headerEntriesReadBackToTheSameSchema() throws ModelFormatException {
        LstmSchema lstm = new LstmSchema(52, 128, 2, LstmSchema.Pooling.MEAN, 64, 5);
        assertEquals(lstm, LstmSchema.read(withHeader(lstm.header())));
        CnnSchema cnn = new CnnSchema(52, 64, 7, 3, 32, 5);
        assertEquals(cnn, CnnSchema.read(withHeader(cnn.header())));
        ForestSchema forest = new ForestSchema(52, 100, 1001, 501, 5);
        assertEquals(forest, ForestSchema.read(withHeader(forest.header())));
    }

    @Test
    void tensorShapesFollowTheHeader() {
        LstmSchema lstm = new LstmSchema(5, 4, 2, LstmSchema.Pooling.LAST, 3, 5);
        assertEquals(
                "[lstm.0.weight_ih[16, 5], lstm.0.weight_hh[16, 4], lstm.0.bias[16], lstm.1.weight_ih[16, 4], "
                        + "lstm.1.weight_hh[16, 4], lstm.1.bias[16], fc1.weight[3, 4], fc1.bias[3], fc2.weight[5, 3], "
                        + "fc2.bias[5]]",
                lstm.tensors().toString());
        CnnSchema cnn = new CnnSchema(5, 8, 3, 2, 4, 5);
        assertEquals(
                "[conv.0.weight[8, 15], conv.0.bias[8], conv.1.weight[8, 24], conv.1.bias[8], fc1.weight[4, 8], "
                        + "fc1.bias[4], fc2.weight[5, 4], fc2.bias[5]]",
                cnn.tensors().toString());
    }

    @Test
    void unusableHeaderValuesAreRefusedNamingTheEntry() {
        Map<String, String> lstm = new TreeMap<>(new LstmSchema(5, 4, 1, LstmSchema.Pooling.LAST, 3, 5).header());
        lstm.put("lstm.pooling", "max");
        assertRefused(() -> LstmSchema.read(withHeader(lstm)), "'lstm.pooling' is 'max', expected last or mean");
        lstm.put("lstm.pooling", "last");
        lstm.put("lstm.hidden_size", "0");
        assertRefused(() -> LstmSchema.read(withHeader(lstm)), "'lstm.hidden_size' must be positive, got 0");
        Map<String, String> cnn = new TreeMap<>(new CnnSchema(5, 8, 3, 2, 4, 5).header());
        cnn.put("cnn.kernel", "4");
        assertRefused(() -> CnnSchema.read(withHeader(cnn)), "'cnn.kernel' is 4; 'same' padding needs it odd");
    }

    private interface Read {
        void run() throws ModelFormatException;
    }

    private static void assertRefused(Read read, String reason) {
        ModelFormatException e = assertThrows(ModelFormatException.class, read::run);
        assertTrue(e.getMessage().contains(reason), e.getMessage());
    }
}
