package io.formcheck.function.http;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.formcheck.function.contract.Route;
import io.formcheck.function.contract.Routes;
import io.quarkus.funqy.runtime.FunctionInvoker;
import io.quarkus.funqy.runtime.FunctionRecorder;
import io.quarkus.test.junit.QuarkusTest;
import java.lang.reflect.Type;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** Funqy serves exactly the route table's functions, each taking the request type the table names. */
@QuarkusTest
class FunctionsTest {
    @Test
    void funqyServesTheRouteTable() {
        Map<String, Type> table = new TreeMap<>();
        for (Route r : Routes.ALL) {
            table.put(r.name(), r.request());
        }
        Map<String, Type> served = new TreeMap<>();
        for (FunctionInvoker invoker : FunctionRecorder.registry.invokers()) {
            served.put(invoker.getName(), invoker.hasInput() ? invoker.getInputType() : null);
        }
        assertEquals(table, served);
    }
}
