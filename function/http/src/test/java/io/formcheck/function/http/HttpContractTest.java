package io.formcheck.function.http;

import static io.restassured.RestAssured.given;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.formcheck.function.contract.Contract;
import io.formcheck.function.testing.ContractCases;
import io.formcheck.function.testing.ContractCases.Case;
import io.formcheck.function.testing.ContractCases.Outcome;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The contract suite over HTTP: every case answered exactly as the contract answers it. */
@QuarkusTest
class HttpContractTest {
    static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    Contract contract;

    static List<Case> cases() {
        return ContractCases.all();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void overHttp(Case c) throws Exception {
        Response response =
                given().contentType("application/json").body(c.body()).when().request(c.method(), c.path());
        Outcome got =
                new Outcome(response.statusCode(), JSON.readTree(response.asByteArray()), response.header("Allow"));
        ContractCases.check(c, contract.call(c.method(), c.path(), c.body()), got, true);
    }
}
