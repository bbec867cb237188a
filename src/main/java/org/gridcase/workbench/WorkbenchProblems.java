package org.gridcase.workbench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.csrf.CsrfException;

/**
 * The security layer's answers, as problem details in Chinese like the API's own. A 401 invites HTTP Basic only
 * for clients that are not the workbench's pages: the pages send {@code X-Requested-With} and show their own login
 * form, which a browser's Basic prompt would cover.
 */
final class WorkbenchProblems {

    private WorkbenchProblems() {
    }

    static void unauthorized(HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
            throws IOException {
        if (request.getHeader("X-Requested-With") == null) {
            response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"gridcase\"");
        }
        write(response, HttpServletResponse.SC_UNAUTHORIZED, "未登录", "请先登录（与 Tasklist 使用同一账号）");
    }

    static void forbidden(HttpServletRequest request, HttpServletResponse response, AccessDeniedException e)
            throws IOException {
        write(response, HttpServletResponse.SC_FORBIDDEN, "无权操作", e instanceof CsrfException
                ? "请求缺少有效的防伪令牌（" + WorkbenchSecurityConfiguration.CSRF_HEADER + "），请刷新页面后重试"
                : "没有权限执行此操作");
    }

    private static void write(HttpServletResponse response, int status, String title, String detail)
            throws IOException {
        response.setStatus(status);
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        String body = "{\"type\":\"about:blank\",\"title\":\"" + title + "\",\"status\":" + status
                + ",\"detail\":\"" + detail + "\"}";
        response.getOutputStream().write(body.getBytes(StandardCharsets.UTF_8));
    }
}
