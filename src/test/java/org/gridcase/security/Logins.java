package org.gridcase.security;

import java.io.IOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngines;
import org.camunda.bpm.engine.identity.User;

/**
 * Logs in over real HTTP in each way gridcase takes a password: its API's HTTP Basic, the engine REST API's
 * HTTP Basic and the webapps' login form. Each call comes from the client address the test names: the tests
 * trust the loopback as a proxy, so Tomcat takes the address from X-Forwarded-For.
 *
 * <p>The engine REST API and the webapps look their engine up by name in Camunda's JVM-wide registry
 * ({@link ProcessEngines}), where every cached test context registers its engine as "default" and the last one
 * started wins. So the engine of the context under test is registered again first, whatever ran before.
 */
class Logins {

    private final HttpClient http = HttpClient.newHttpClient();
    private final String base;

    Logins(int port, ProcessEngine engine) {
        this.base = "http://localhost:" + port;
        ProcessEngines.registerProcessEngine(engine);
    }

    /** A Camunda user of the test's own, so that its failed logins and locks touch no demo user. */
    static void saveUser(IdentityService identity, String id, String name, String password) {
        User user = identity.newUser(id);
        user.setFirstName(name);
        user.setLastName("测试");
        user.setPassword(password);
        identity.saveUser(user);
    }

    /** A read any member of staff may make. */
    HttpResponse<String> api(String user, String password, String address) {
        return send(basic(HttpRequest.newBuilder(URI.create(base + "/api/registry/departments")), user, password)
                .header("X-Forwarded-For", address).build(), http);
    }

    HttpResponse<String> engineRest(String user, String password, String address) {
        return send(basic(HttpRequest.newBuilder(URI.create(base + "/engine-rest/version")), user, password)
                .header("X-Forwarded-For", address).build(), http);
    }

    /** The Tasklist's login: fetch the page for the XSRF cookie, then post the form with its token. */
    HttpResponse<String> tasklist(String user, String password, String address) {
        HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
        send(HttpRequest.newBuilder(URI.create(base + "/camunda/app/tasklist/default/")).build(), browser);
        String token = ((CookieManager) browser.cookieHandler().orElseThrow()).getCookieStore().getCookies().stream()
                .filter(c -> c.getName().equals("XSRF-TOKEN")).map(HttpCookie::getValue).findFirst().orElseThrow();
        String form = "username=" + URLEncoder.encode(user, StandardCharsets.UTF_8)
                + "&password=" + URLEncoder.encode(password, StandardCharsets.UTF_8);
        return send(HttpRequest.newBuilder(URI.create(base + "/camunda/api/admin/auth/user/default/login/tasklist"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("X-XSRF-TOKEN", token)
                .header("X-Forwarded-For", address)
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), browser);
    }

    HttpResponse<String> send(HttpRequest request) {
        return send(request, http);
    }

    HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(base + path));
    }

    static HttpRequest.Builder basic(HttpRequest.Builder request, String user, String password) {
        return request.header("Authorization", "Basic " + Base64.getEncoder()
                .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)));
    }

    private static HttpResponse<String> send(HttpRequest request, HttpClient http) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
