package org.gridcase.security;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.gridcase.system.LostRaces;
import org.slf4j.LoggerFactory;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * What the engine's REST roots answer when something goes wrong, made fit for the people who read it: Camunda
 * names the Java exception class in {@code type} and passes on messages that may carry SQL, class names or
 * stack frames. Here {@code type} becomes a Chinese title for the status, and a message with internals becomes
 * a plain Chinese one (the original is logged), while a clean message, such as the Chinese reason a form value was
 * refused, reaches the Tasklist user. Successful answers pass untouched.
 */
class EngineErrorBodies extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(EngineErrorBodies.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private static final Map<Integer, String> TITLES = Map.of(
            400, "请求有误", 401, "未登录", 403, "无权操作", 404, "未找到", 405, "不支持的请求方法",
            409, "冲突", 415, "不支持的内容类型", 429, "请求过于频繁", 500, "服务器错误");
    private static final Map<Integer, String> PLAIN_MESSAGES = Map.of(
            400, "请求内容有误，请检查后重试", 401, "请先登录", 403, "没有权限执行此操作", 404, "未找到所请求的记录",
            409, "该记录已被他人修改或处理，请刷新后重试", 500, "服务器内部错误，请稍后重试；如仍出现请联系系统管理员");

    /** Camunda's wording when a task completion or form submission is refused. */
    private static final Pattern TASK_REFUSED = Pattern.compile("^Cannot (?:complete task|submit task form) \\S+: (.*)$",
            Pattern.DOTALL);
    /**
     * A variable sent in Java's serialization format, which the engine refuses (its default): the client's input, a
     * 400, though the engine answers 500.
     */
    private static final Pattern JAVA_SERIALIZATION = Pattern.compile(
            "Cannot set variable with name (\\S+)\\. Java serialization format is prohibited");
    /** The engine's message codes (ENGINE-09005 ...): for its log readers, not for the person told. */
    private static final Pattern ENGINE_CODE = Pattern.compile("\\bENGINE-\\d{5}\\s*");
    /** Fully qualified class names, exception class names, engine entities, SQL, MyBatis blocks and stack frames. */
    private static final Pattern INTERNALS = Pattern.compile(
            "\\b(?:[a-z_][a-z0-9_]*\\.){2,}[A-Z]\\w*"
            + "|\\b[A-Z]\\w*(?:Exception|Error)\\b"
            + "|(?i:\\b(?:select|insert\\s+into|update|delete\\s+from)\\b[^。]*\\b(?:from|set|values|where)\\b)"
            + "|\\b\\w+Entity\\[|###|SQLState|(?:^|\\s)at\\s+[\\w$.]+\\(");

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        ContentCachingResponseWrapper captured = new ContentCachingResponseWrapper(response);
        try {
            chain.doFilter(request, captured);
        } finally {
            int status = captured.getStatus();
            if (status >= 400 && captured.getContentSize() > 0 && !isOurs(captured.getContentType())) {
                byte[] original = captured.getContentAsByteArray();
                captured.resetBuffer();
                JsonNode engine = parsed(original);
                Answer answer = LostRaces.in(new String(original, StandardCharsets.UTF_8),
                                engine.path("code").isInt() ? engine.get("code").asInt() : null)
                        .map(lost -> new Answer(lost.status(), lost.message()))
                        .or(() -> refusedInput(engine))
                        .orElseGet(() -> new Answer(status, cleanMessage(status, original, engine, request)));
                write(captured, answer.status(), answer.message());
            }
            captured.copyBodyToResponse();
        }
    }

    /** A problem detail gridcase wrote itself (the login limit's 429) is already fit to read. */
    private static boolean isOurs(String contentType) {
        return contentType != null && contentType.startsWith(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
    }

    /** Camunda's long polling answers after this filter has returned: it is left alone. */
    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return request.getRequestURI().endsWith("/fetchAndLock");
    }

    /** Camunda's error body ({@code type}, {@code message}, its {@code code}), or an empty node for any other page. */
    private static JsonNode parsed(byte[] body) {
        try {
            JsonNode node = JSON.readTree(body);
            return node != null ? node : JSON.createObjectNode();
        } catch (IOException notJson) {
            return JSON.createObjectNode(); // an error page that is not Camunda's JSON: replaced whole
        }
    }

    /**
     * What the client sent and the engine refused, whatever status Camunda gives it: a value a listener refused
     * (ValidationErrorTranslation), which Camunda answers with 400 only where a form is submitted and with 500
     * elsewhere (a task handed to someone outside its units, TaskHandOverRule), and a Java-serialized variable.
     */
    private static Optional<Answer> refusedInput(JsonNode engine) {
        if ("FormFieldValidationException".equals(engine.path("type").asText())) {
            String message = ENGINE_CODE.matcher(engine.path("message").asText("")).replaceAll("");
            Matcher refused = TASK_REFUSED.matcher(message);
            return Optional.of(new Answer(400, refused.matches() ? "无法提交任务：" + refused.group(1) : message));
        }
        Matcher serialized = JAVA_SERIALIZATION.matcher(engine.path("message").asText(""));
        return serialized.find()
                ? Optional.of(new Answer(400, "变量 " + serialized.group(1) + " 不能以 Java 序列化格式提交，请改用 JSON"))
                : Optional.empty();
    }

    /**
     * The engine's message where it is fit to read. A refusal of who the caller is (401) or of what they may do
     * (403) is always the plain one: Camunda words it in English, with the permissions and resource ids it checked.
     */
    private static String cleanMessage(int status, byte[] body, JsonNode engine, HttpServletRequest request) {
        String message = engine.hasNonNull("message") && status != 401 && status != 403
                ? engine.get("message").asText() : null;
        if (message != null) {
            message = ENGINE_CODE.matcher(message).replaceAll("");
            Matcher refused = TASK_REFUSED.matcher(message);
            if (refused.matches()) {
                message = "无法提交任务：" + refused.group(1);
            }
        }
        if (message == null || message.isBlank() || INTERNALS.matcher(message).find()) {
            log.info("Engine REST {} {} answered {}: {}", request.getMethod(), request.getRequestURI(), status,
                    new String(body, StandardCharsets.UTF_8));
            return PLAIN_MESSAGES.getOrDefault(status, PLAIN_MESSAGES.get(status < 500 ? 400 : 500));
        }
        return message;
    }

    /** What the client is told instead. */
    record Answer(int status, String message) {
    }

    /** Writes an error in the engine REST API's format ({@code type}, {@code message}). */
    static void write(HttpServletResponse response, int status, String message) throws IOException {
        ObjectNode body = JSON.createObjectNode()
                .put("type", TITLES.getOrDefault(status, status < 500 ? "请求有误" : "服务器错误"))
                .put("message", message);
        response.setStatus(status);
        response.setContentType("application/json;charset=UTF-8");
        response.getOutputStream().write(JSON.writeValueAsBytes(body));
    }
}
