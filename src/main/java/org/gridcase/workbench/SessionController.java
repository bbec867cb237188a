package org.gridcase.workbench;

import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import org.camunda.bpm.webapp.impl.security.filter.util.CsrfConstants;
import org.gridcase.identity.CamundaGroups;
import org.gridcase.identity.WebappSessionAuthenticationFilter;
import org.gridcase.registry.StaffView;
import org.gridcase.system.Caller;
import org.gridcase.system.Callers;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Who is signed in, for the pages' top bar and views; and what the pages need to sign in and out through the
 * Camunda webapps' own login (so that one login serves the Tasklist and the workbench).
 */
@Tag(name = "工单中心 · Workbench")
@RestController
class SessionController {

    private final Callers callers;
    private final Names names;
    private final WorkbenchViews views;
    private final String tileUrl;

    SessionController(Callers callers, Names names, WorkbenchViews views,
            @Value("${gridcase.map.tile-url:}") String tileUrl) {
        this.callers = callers;
        this.names = names;
        this.views = views;
        this.tileUrl = tileUrl == null || tileUrl.isBlank() ? null : tileUrl;
    }

    /**
     * For the sign-in form, answered to anyone: whether the session is signed in to the Camunda webapps, the token
     * the webapps' login and logout require (Camunda keeps it in the session and sends it as the cookie
     * XSRF-TOKEN with path /camunda, which a page under /workbench cannot read; an answer to the same origin is
     * readable only by its own pages), and the workbench's own CSRF token.
     */
    record SessionState(boolean signedIn, String camundaCsrfToken, String csrfToken) {
    }

    @Operation(summary = "登录状态与防伪令牌（供登录页使用） · Sign-in state and the CSRF tokens for the pages")
    @GetMapping("/api/workbench/session")
    SessionState session(HttpServletRequest request, CsrfToken csrf) {
        HttpSession session = request.getSession(false);
        String camundaToken = session == null ? null
                : (String) session.getAttribute(CsrfConstants.CSRF_TOKEN_SESSION_ATTR_NAME);
        return new SessionState(WebappSessionAuthenticationFilter.webappUser(request).isPresent(), camundaToken,
                csrf.getToken());
    }

    record Me(String userId, String name, String role, String unit, List<String> groups,
            List<WorkbenchViews.View> views, boolean supervisor, boolean hotline, String tileUrl, boolean admin) {
    }

    @Operation(summary = "当前用户、所属单元和可用视图 · Who is signed in, their unit and saved views")
    @GetMapping("/api/workbench/me")
    Me me() {
        Caller caller = callers.current();
        Names.Lookup lookup = names.lookup();
        StaffView staff = names.staff(caller.userId()).orElse(null);
        String unit = staff == null ? null
                : staff.departmentCode() != null ? lookup.department(staff.departmentCode()) : lookup.unit(staff.unitCode());
        return new Me(caller.userId(), lookup.person(caller.userId()), staff == null ? null : staff.roleLabel(), unit,
                caller.groups().stream().sorted().map(lookup::group).toList(), views.of(caller),
                WorkbenchViews.isSupervisor(caller), WorkbenchViews.isHotline(caller), tileUrl,
                caller.isMemberOf(CamundaGroups.ADMINISTRATORS));
    }
}
