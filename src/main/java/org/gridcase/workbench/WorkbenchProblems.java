package org.gridcase.workbench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.security.core.AuthenticationException;

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
