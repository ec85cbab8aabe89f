package io.formcheck.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** A file of several members answers with the mean of the probabilities each member's own file gives. */
class MemberAverageTest {
    private static final float[][] REPETITION = {{0, 1, 2}, {3, -4, 5}, {1, 1, -2}};

    /** The members' networks under their prefixes beside the first one's shared tensors and header. */
    private static ModelFile ensemble(ModelFile... members) {
        Map<String, String> header = new TreeMap<>(members[0].header());
        header.put(ModelFile.MEMBERS, String.valueOf(members.length));
        Map<String, Tensor> tensors = new LinkedHashMap<>();
        tensors.put(ModelFile.INPUT_MEAN, members[0].tensors().get(ModelFile.INPUT_MEAN));
        tensors.put(ModelFile.INPUT_STD, members[0].tensors().get(ModelFile.INPUT_STD));
        for (int k = 0; k < members.length; k++) {
            String prefix = ModelFile.memberPrefix(k);
            members[k].tensors().forEach((name, t) -> {
                if (!name.startsWith("input.")) {
                    tensors.put(prefix + name, new Tensor(prefix + name, t.shape(), t.data()));
                }
            });
        }
        return new ModelFile(new TreeMap<>(header), tensors);
    }

    @Test
    void membersAnswerWithTheirMeanProbabilities() throws ModelFormatException {
        ModelFile a = ClassifierTest.tinyModel(1);
        ModelFile b = withSharedInputs(ClassifierTest.tinyModel(2), a);
        ModelFile c = withSharedInputs(ClassifierTest.tinyModel(3), a);
        float[] pa = new Classifier(a).probabilities(REPETITION);
        float[] pb = new Classifier(b).probabilities(REPETITION);
        float[] pc = new Classifier(c).probabilities(REPETITION);
        assertTrue(Math.abs(pa[0] - pb[0]) > 1e-3, "the members must differ for the test to mean anything");

        float[] p = new Classifier(ensemble(a, b, c)).probabilities(REPETITION);
        for (int k = 0; k < p.length; k++) {
            assertEquals((pa[k] + pb[k] + pc[k]) / 3, p[k], 1e-6);
        }
    }

    @Test
    void aMemberReadsItsOwnTensorsAndTheSharedOnes() {
        ModelFile a = ClassifierTest.tinyModel(1);
        ModelFile b = withSharedInputs(ClassifierTest.tinyModel(2), a);
        ModelFile both = ensemble(a, b);
        assertEquals(a.tensors().keySet(), both.member(1).tensors().keySet());
        for (String name : a.tensors().keySet()) {
            assertArrayEquals(
                    a.tensors().get(name).data(),
                    both.member(0).tensors().get(name).data(),
                    name);
            assertArrayEquals(
                    b.tensors().get(name).data(),
                    both.member(1).tensors().get(name).data(),
                    name);
        }
    }

    @Test
    void aMissingMemberOrABadCountIsNamed() {
        ModelFile a = ClassifierTest.tinyModel(1);
        ModelFile two = ensemble(a, withSharedInputs(ClassifierTest.tinyModel(2), a));
        Map<String, String> header = new TreeMap<>(two.header());
        header.put(ModelFile.MEMBERS, "3");
        ModelFormatException missing = assertThrows(
                ModelFormatException.class, () -> new Classifier(new ModelFile(new TreeMap<>(header), two.tensors())));
        assertTrue(
                missing.getMessage().startsWith("member 2 of 3 (tensors 'member.2.*'): model file lacks the tensor"),
                missing.getMessage());

        header.put(ModelFile.MEMBERS, "0");
        ModelFormatException zero = assertThrows(
                ModelFormatException.class, () -> new Classifier(new ModelFile(new TreeMap<>(header), two.tensors())));
        assertTrue(zero.getMessage().contains("'members' must be positive"), zero.getMessage());

        header.put(ModelFile.MEMBERS, "1000");
        ModelFormatException many = assertThrows(
                ModelFormatException.class, () -> new Classifier(new ModelFile(new TreeMap<>(header), two.tensors())));
        assertTrue(many.getMessage().contains("at most"), many.getMessage());
    }

    /** b's networks with a's input statistics: members of one file share them. */
    private static ModelFile withSharedInputs(ModelFile b, ModelFile a) {
        Map<String, Tensor> tensors = new LinkedHashMap<>(b.tensors());
        tensors.put(ModelFile.INPUT_MEAN, a.tensors().get(ModelFile.INPUT_MEAN));
        tensors.put(ModelFile.INPUT_STD, a.tensors().get(ModelFile.INPUT_STD));
        return new ModelFile(b.header(), tensors);
    }
}
