package io.formcheck.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/** A file of several members answers with the mean of the probabilities each member's own file gives. */
class MemberAverageTest {
    private static final float[][] REPETITION = {{0, 1, 2}, {3, -4, 5}, {1, 1, -2}};

    /** The members' networks under their prefixes beside the first one's input standardization. */
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
    void eachMemberIsAFileOfItsOwnWithTheSharedTensors() throws ModelFormatException {
        ModelFile a = ClassifierTest.tinyModel(1);
        ModelFile b = withSharedInputs(ClassifierTest.tinyModel(2), a);
        List<ModelFile> members = ensemble(a, b).members();
        assertEquals(2, members.size());
        for (int k = 0; k < 2; k++) {
            ModelFile expected = k == 0 ? a : b;
            assertEquals(expected.tensors().keySet(), members.get(k).tensors().keySet());
            for (String name : expected.tensors().keySet()) {
                assertArrayEquals(
                        expected.tensors().get(name).data(),
                        members.get(k).tensors().get(name).data(),
                        name);
            }
            assertFalse(members.get(k).header().containsKey(ModelFile.MEMBERS), "a member is one network");
        }
    }

    /**
     * A class every member all but rules out stays a finite, tiny probability, not a NaN: the mean of
     * e^-200 and e^-100 (as fractions of about 1) is e^-100 / 2, a logit of -100 - ln 2.
     */
    @Test
    void theAverageStaysFiniteWhereEveryMemberUnderflows() {
        SequenceNetwork sure = x -> new float[] {0f, -200f};
        SequenceNetwork lessSure = x -> new float[] {0f, -100f};
        float[] logits = new MemberAverage(List.of(sure, lessSure)).logits(REPETITION);
        assertEquals(0f, logits[0], 1e-6);
        assertEquals(-100 - Math.log(2), logits[1], 1e-3);
    }

    @Test
    void aFileWhoseMembersDoNotAddUpIsRefusedNamingWhy() {
        ModelFile a = ClassifierTest.tinyModel(1);
        ModelFile two = ensemble(a, withSharedInputs(ClassifierTest.tinyModel(2), a));
        String fc2 = two.tensors().keySet().stream()
                .filter(n -> n.startsWith("member.1.") && n.endsWith("fc2.bias"))
                .findFirst()
                .orElseThrow();

        assertRefused(
                two, h -> h.put(ModelFile.MEMBERS, "3"), t -> {}, "member 2 does not hold the tensors member 0 holds");
        assertRefused(two, h -> h.put(ModelFile.MEMBERS, "1"), t -> {}, "belongs to none of the 1 members");
        assertRefused(two, h -> h.put(ModelFile.MEMBERS, "0"), t -> {}, "'members' must be positive");
        assertRefused(two, h -> h.remove(ModelFile.MEMBERS), t -> {}, "but the header names no members");
        assertRefused(two, h -> {}, t -> rename(t, fc2, fc2.replace("member.1.", "member.01.")), "belongs to none");
        assertRefused(two, h -> {}, t -> rename(t, fc2, "member.1."), "belongs to none");
        assertRefused(two, h -> h.put(ModelFile.MEMBERS, "1000"), t -> {}, "at most 64");
        assertRefused(two, h -> {}, t -> t.remove(fc2), "member 1 does not hold the tensors member 0 holds");
        // a plain copy of a member's tensor would be read silently by a member lacking it
        assertRefused(
                two,
                h -> {},
                t -> t.put(
                        "fc2.bias",
                        new Tensor("fc2.bias", t.get(fc2).shape(), t.get(fc2).data())),
                "filed both as shared and under the members' names");
    }

    private static void assertRefused(
            ModelFile file, Consumer<Map<String, String>> header, Consumer<Map<String, Tensor>> tensors, String why) {
        Map<String, String> h = new TreeMap<>(file.header());
        header.accept(h);
        Map<String, Tensor> t = new LinkedHashMap<>(file.tensors());
        tensors.accept(t);
        ModelFormatException e =
                assertThrows(ModelFormatException.class, () -> new Classifier(new ModelFile(new TreeMap<>(h), t)));
        assertTrue(e.getMessage().contains(why), e.getMessage());
    }

    private static void rename(Map<String, Tensor> tensors, String from, String to) {
        Tensor t = tensors.remove(from);
        tensors.put(to, new Tensor(to, t.shape(), t.data()));
    }

    /** b's networks with a's input statistics: members of one file share them. */
    private static ModelFile withSharedInputs(ModelFile b, ModelFile a) {
        Map<String, Tensor> tensors = new LinkedHashMap<>(b.tensors());
        tensors.put(ModelFile.INPUT_MEAN, a.tensors().get(ModelFile.INPUT_MEAN));
        tensors.put(ModelFile.INPUT_STD, a.tensors().get(ModelFile.INPUT_STD));
        return new ModelFile(b.header(), tensors);
    }
}
