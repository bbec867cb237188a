package org.gridcase.security;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The second line in front of both REST roots of the engine ({@code /engine-rest} and the webapps'
 * {@code /camunda/api}): a request that names an expression field anywhere, as a query parameter or as a key of
 * its JSON body at any depth ({@code orQueries[0].assigneeExpression}), is refused with a 400 before Camunda
 * reads it. The engine refuses such queries itself ({@link QueryExpressionGuard}); this keeps a future endpoint
 * or engine change from reopening the hole. Process variables may have any name, so the names directly inside a
 * map of variables are not field names and pass.
 */
class EngineRequestGuard extends OncePerRequestFilter {

    private static final String SUFFIX = "expression";
    private static final Set<String> VARIABLE_MAPS = Set.of("variables", "localVariables", "modifications",
            "processVariables", "correlationKeys", "localCorrelationKeys", "processVariablesToTriggeredScope");
    private static final JsonFactory JSON = new JsonFactory();

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        List<String> refused = new ArrayList<>();
        for (String name : Collections.list(request.getParameterNames())) {
            if (isExpressionField(name)) {
                refused.add(name);
            }
        }
        HttpServletRequest forwarded = request;
        if (refused.isEmpty() && isJson(request)) {
            byte[] body = request.getInputStream().readAllBytes();
            refused.addAll(expressionFields(body));
            forwarded = new CachedBodyRequest(request, body);
        }
        if (!refused.isEmpty()) {
            EngineErrorBodies.write(response, HttpServletResponse.SC_BAD_REQUEST,
                    "请求中不允许使用表达式，请删除字段 " + String.join("、", refused));
            return;
        }
        chain.doFilter(forwarded, response);
    }

    /** The dotted paths of every key in the body that names an expression; none for a body that is not JSON. */
    static List<String> expressionFields(byte[] body) throws IOException {
        List<String> found = new ArrayList<>();
        try (JsonParser parser = JSON.createParser(body)) {
            for (JsonToken token = parser.nextToken(); token != null; token = parser.nextToken()) {
                if (token == JsonToken.FIELD_NAME && isExpressionField(parser.currentName())
                        && !insideVariableMap(parser.getParsingContext())) {
                    found.add(path(parser.getParsingContext()));
                }
            }
        } catch (JsonProcessingException notJson) {
            // not ours to judge: Camunda answers a malformed body with its own 400
        }
        return found;
    }

    private static boolean isExpressionField(String name) {
        return name != null && name.toLowerCase(Locale.ROOT).endsWith(SUFFIX);
    }

    /** Whether the field is a key of a map of variables, where keys are variable names. */
    private static boolean insideVariableMap(JsonStreamContext field) {
        JsonStreamContext parent = field.getParent();
        return parent != null && parent.getCurrentName() != null && VARIABLE_MAPS.contains(parent.getCurrentName());
    }

    private static String path(JsonStreamContext context) {
        Deque<String> parts = new ArrayDeque<>();
        for (JsonStreamContext c = context; c != null && !c.inRoot(); c = c.getParent()) {
            parts.push(c.inArray() ? "[" + c.getCurrentIndex() + "]" : "." + c.getCurrentName());
        }
        String path = String.join("", parts);
        return path.startsWith(".") ? path.substring(1) : path;
    }

    private static boolean isJson(HttpServletRequest request) {
        String type = request.getContentType();
        return type != null && type.toLowerCase(Locale.ROOT).contains("json");
    }
}
