package org.gridcase.bench;

import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A member of staff logged in to the Tasklist, making the call the Tasklist makes when a filter is opened: the
 * first page of 15 tasks, newest first, as HAL, whose answer holds the filter's count as well and embeds the
 * list's columns (case number, category, address, urgency). Logged in once, like a browser, so that no password
 * is checked per call.
 */
final class TasklistSession {

    /** The body the 7.24 Tasklist posts (camunda-tasklist-bootstrap.js, taskListQuery). */
    private static final Map<String, Object> FIRST_PAGE = Map.of(
            "processVariables", List.of(), "taskVariables", List.of(), "caseInstanceVariables", List.of(),
            "sorting", List.of(Map.of("sortBy", "created", "sortOrder", "desc")), "active", true);

    private final BenchHttp http;
    private final HttpClient browser = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .cookieHandler(new CookieManager()).build();

    private TasklistSession(BenchHttp http) {
        this.http = http;
    }

    /** Fetches the page for its XSRF cookie, then posts the login form with that token. */
    static TasklistSession logIn(BenchHttp http, String user, String password) {
        TasklistSession session = new TasklistSession(http);
        session.http.send(session.browser, HttpRequest.newBuilder(URI.create(http.base()
                + "/camunda/app/tasklist/default/")), 200);
        String form = "username=" + URLEncoder.encode(user, StandardCharsets.UTF_8)
                + "&password=" + URLEncoder.encode(password, StandardCharsets.UTF_8);
        session.http.send(session.browser, session.withToken(HttpRequest.newBuilder(URI.create(http.base()
                + "/camunda/api/admin/auth/user/default/login/tasklist"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form))), 200);
        // the login starts a new session; a GET hands out the token that belongs to it
        session.http.send(session.browser, HttpRequest.newBuilder(URI.create(http.base()
                + "/camunda/api/admin/auth/user/default")), 200);
        return session;
    }

    /** The filter's first page as HAL: the tasks, the filter's count and what the list shows of each task. */
    JsonNode firstPage(String filterId) {
        return firstPage(filterId, "application/hal+json, application/json; q=0.5");
    }

    /**
     * The same page as plain JSON: the tasks alone, without the count and the embedded columns, process
     * definitions and identity links. Not what the Tasklist asks; it shows what the HAL answer's extras cost.
     */
    JsonNode firstPagePlain(String filterId) {
        return firstPage(filterId, "application/json");
    }

    private JsonNode firstPage(String filterId, String accept) {
        HttpRequest.Builder request = http.post("/camunda/api/engine/engine/default/filter/" + filterId
                + "/list?firstResult=0&maxResults=15", FIRST_PAGE).header("Accept", accept);
        return http.send(browser, withToken(request), 200);
    }

    /** A GET in this session, as the workbench's pages call gridcase's API once signed in (no password each time). */
    JsonNode get(String path) {
        return http.send(browser, HttpRequest.newBuilder(URI.create(http.base() + path)), 200);
    }

    private HttpRequest.Builder withToken(HttpRequest.Builder request) {
        String token = ((CookieManager) browser.cookieHandler().orElseThrow()).getCookieStore().getCookies()
                .stream().filter(c -> c.getName().equals("XSRF-TOKEN")).map(HttpCookie::getValue).findFirst()
                .orElseThrow(() -> new IllegalStateException("The Tasklist handed out no XSRF-TOKEN cookie"));
        return request.header("X-XSRF-TOKEN", token);
    }
}
