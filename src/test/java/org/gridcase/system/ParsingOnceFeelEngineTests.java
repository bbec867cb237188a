package org.gridcase.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;

import org.camunda.bpm.dmn.engine.impl.DefaultDmnEngineConfiguration;
import org.camunda.bpm.dmn.feel.impl.FeelException;
import org.camunda.bpm.dmn.feel.impl.scala.ScalaFeelEngine;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.engine.variable.context.VariableContext;
import org.gridcase.PostgresTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The decisions' FEEL engine parses each expression once and answers as Camunda's own does. */
@PostgresTest
class ParsingOnceFeelEngineTests {

    private static final List<String> UNARY_TESTS = List.of("< 3", "[1..5]", "not(2, 4)", "-", "\"市容环卫\"",
            "\"a\", \"b\"", "x", "> x", "null");

    @Autowired
    ProcessEngineConfigurationImpl engine;

    @Autowired
    DecisionService decisions;

    private final ScalaFeelEngine camundas = new ScalaFeelEngine(List.of());

    @Test
    void unaryTestsAreParsedOnceAndAnswerAsCamundasEngine() {
        ParsingOnceFeelEngine once = new ParsingOnceFeelEngine(List.of());
        for (Object input : new Object[] { 1, 2, 3, 4, 7, "a", "市容环卫", null }) {
            VariableContext context = Variables.createVariables().putValue("in", input).putValue("x", 4)
                    .asVariableContext();
            for (String tests : UNARY_TESTS) {
                assertThat(answer(() -> once.evaluateSimpleUnaryTests(tests, "in", context)))
                        .as("%s against %s", tests, input)
                        .isEqualTo(answer(() -> camundas.evaluateSimpleUnaryTests(tests, "in", context)));
            }
        }
        assertThat(once.kept()).isEqualTo(UNARY_TESTS.size());
    }

    @Test
    void expressionsAreParsedOnceAndAnswerAsCamundasEngine() {
        ParsingOnceFeelEngine once = new ParsingOnceFeelEngine(List.of());
        List<String> expressions = List.of("x + 1", "if x > 2 then \"高\" else \"低\"", "string length(name)",
                "date(\"2026-11-29\") + duration(\"P1D\")");
        for (int x = 0; x < 4; x++) {
            VariableContext context = Variables.createVariables().putValue("x", x).putValue("name", "网格员")
                    .asVariableContext();
            for (String expression : expressions) {
                assertThat(answer(() -> once.evaluateSimpleExpression(expression, context)))
                        .as("%s with x = %d", expression, x)
                        .isEqualTo(answer(() -> camundas.evaluateSimpleExpression(expression, context)));
            }
        }
        assertThat(once.kept()).isEqualTo(expressions.size());
    }

    @Test
    void anExpressionThatDoesNotParseFailsEveryTimeAndIsNotKept() {
        ParsingOnceFeelEngine once = new ParsingOnceFeelEngine(List.of());
        VariableContext context = Variables.createVariables().putValue("in", 1).asVariableContext();
        for (int time = 0; time < 2; time++) {
            assertThatThrownBy(() -> once.evaluateSimpleUnaryTests("< <", "in", context))
                    .isInstanceOf(FeelException.class).hasMessageContaining("failed to parse");
        }
        assertThat(once.kept()).isZero();
    }

    @Test
    void theEnginesDecisionsUseItAndKeepTheirTablesParsed() {
        var feel = ((DefaultDmnEngineConfiguration) engine.getDmnEngineConfiguration()).getFeelEngine();
        assertThat(feel).isInstanceOf(ParsingOnceFeelEngine.class);
        Map<String, Object> facts = Map.of("event", "DEPARTMENT_SUMMONED", "recipientKind", "department",
                "urgent", false);
        var first = decisions.evaluateDecisionByKey("NotificationRouting").variables(facts).evaluate()
                .collectEntries("channel");
        long kept = ((ParsingOnceFeelEngine) feel).kept();
        var second = decisions.evaluateDecisionByKey("NotificationRouting").variables(facts).evaluate()
                .collectEntries("channel");
        assertThat(kept).isPositive();
        assertThat(((ParsingOnceFeelEngine) feel).kept()).isEqualTo(kept);
        assertThat(second).isEqualTo(first).isNotEmpty();
    }

    /** The result, or the failure's kind and message: both engines must fail alike where they fail. */
    private static Object answer(java.util.function.Supplier<Object> evaluation) {
        try {
            return evaluation.get();
        } catch (FeelException failure) {
            return "failed: " + failure.getMessage();
        }
    }
}
