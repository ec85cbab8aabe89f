package io.formcheck.trainer.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/**
 * The build runs the trainer's tests twice (trainer/pom.xml): with the Vector API module, and the
 * network checks again without it (-Dformcheck.kernels=openblas). This holds each run to its kind.
 */
class KernelsTest {
    @Test
    void theProductsRunOnTheKernelsTheBuildAskedFor() {
        boolean openblas = "openblas".equals(System.getProperty("formcheck.kernels"));
        assertEquals(
                !openblas,
                Gemm.VECTOR,
                "products on " + Gemm.kernels() + "; surefire's argLine decides (trainer/pom.xml)");
    }
}
