package org.gridcase.system;

import java.util.List;
import java.util.function.Function;

import org.camunda.bpm.dmn.feel.impl.scala.ContextVariableWrapper;
import org.camunda.bpm.dmn.feel.impl.scala.ScalaFeelEngine;
import org.camunda.bpm.dmn.feel.impl.scala.function.FeelCustomFunctionProvider;
import org.camunda.bpm.engine.variable.context.VariableContext;
import org.camunda.feel.FeelEngine.Failure;
import org.camunda.feel.FeelEngine.UnaryTests$;
import org.camunda.feel.context.CustomContext;
import org.camunda.feel.context.VariableProvider;
import org.camunda.feel.context.VariableProvider.CompositeVariableProvider;
import org.camunda.feel.context.VariableProvider.StaticVariableProvider;
import org.camunda.feel.syntaxtree.ParsedExpression;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import camundajar.impl.scala.collection.immutable.Map;
import camundajar.impl.scala.runtime.BoxesRunTime;
import camundajar.impl.scala.util.Either;
import camundajar.impl.scala.util.Left;
import camundajar.impl.scala.util.Right;

/**
 * Camunda's FEEL engine for decisions, parsing each expression once. The engine's own evaluates an expression by
 * parsing its text anew every time: NotificationRouting's 54 input entries at every message, triage's 48 at every
 * report, the ladder's at every step with a time limit. Over a whole benchmark run that parsing was 6 % of the
 * JVM's samples (JFR: {@code FeelParser} under {@code evalUnaryTests}). A parsed expression depends on its text alone;
 * it is evaluated here against the same context Camunda's engine builds, so every result is the same. An expression
 * that does not parse is not kept: it fails with the engine's own message each time.
 */
final class ParsingOnceFeelEngine extends ScalaFeelEngine {

    /** Far more than the district's tables hold; a redeployed table's new entries simply join them. */
    private static final int MOST_KEPT = 10_000;

    private final Cache<String, ParsedExpression> unaryTests = Caffeine.newBuilder().maximumSize(MOST_KEPT).build();
    private final Cache<String, ParsedExpression> expressions = Caffeine.newBuilder().maximumSize(MOST_KEPT).build();

    ParsingOnceFeelEngine(List<FeelCustomFunctionProvider> functionProviders) {
        super(functionProviders);
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T> T evaluateSimpleExpression(String expression, VariableContext variables) {
        ParsedExpression parsed = parsed(expressions, expression, feelEngine::parseExpression);
        VariableProvider provider = new ContextVariableWrapper(variables);
        return (T) valueOf(feelEngine.eval(parsed, contextOf(provider)));
    }

    @Override
    public boolean evaluateSimpleUnaryTests(String expression, String inputVariable, VariableContext variables) {
        ParsedExpression parsed = parsed(unaryTests, expression, feelEngine::parseUnaryTests);
        VariableProvider input = new StaticVariableProvider(
                new Map.Map1<>(UnaryTests$.MODULE$.inputVariable(), inputVariable));
        VariableProvider provider = new CompositeVariableProvider(
                toScalaList(input, new ContextVariableWrapper(variables)));
        return BoxesRunTime.unboxToBoolean(valueOf(feelEngine.eval(parsed, contextOf(provider))));
    }

    /** How many different expressions are kept parsed. */
    long kept() {
        return unaryTests.estimatedSize() + expressions.estimatedSize();
    }

    private static ParsedExpression parsed(Cache<String, ParsedExpression> cache, String expression,
            Function<String, Either<Failure, ParsedExpression>> parser) {
        ParsedExpression known = cache.getIfPresent(expression);
        if (known != null) {
            return known;
        }
        ParsedExpression parsed = (ParsedExpression) valueOf(parser.apply(expression));
        cache.put(expression, parsed);
        return parsed;
    }

    private static Object valueOf(Either<Failure, ?> result) {
        if (result instanceof Right<?, ?> right) {
            return right.value();
        }
        throw LOGGER.evaluationException(((Left<Failure, ?>) result).value().message());
    }

    private static CustomContext contextOf(VariableProvider provider) {
        return new CustomContext() {
            @Override
            public VariableProvider variableProvider() {
                return provider;
            }
        };
    }
}
