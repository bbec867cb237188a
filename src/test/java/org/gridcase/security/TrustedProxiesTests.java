package org.gridcase.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.apache.catalina.Valve;
import org.apache.catalina.connector.Connector;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.RemoteIpValve;
import org.apache.catalina.valves.ValveBase;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.web.ServerProperties;
import org.springframework.boot.autoconfigure.web.embedded.TomcatWebServerFactoryCustomizer;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.core.env.Environment;

/**
 * The client address every limit counts by: Tomcat's RemoteIpValve, built by Spring Boot from gridcase's
 * configuration, believes X-Forwarded-For only from the proxies in GRIDCASE_TRUSTED_PROXIES, and from nobody when
 * it is unset (Tomcat's own default would trust every private address, so any machine of the LAN could pose as
 * any client).
 */
class TrustedProxiesTests {

    @Test
    void believesNoForwardedHeaderWhenNoProxyIsConfigured() throws Exception {
        Valve valve = remoteIpValve(ConfiguredEnvironment.of(Map.of(), "postgres"));

        assertThat(clientAddress(valve, "10.0.0.5", "203.0.113.7")).isEqualTo("10.0.0.5");
        assertThat(clientAddress(valve, "127.0.0.1", "203.0.113.7")).isEqualTo("127.0.0.1");
        assertThat(clientAddress(valve, "192.168.1.20", "203.0.113.7")).isEqualTo("192.168.1.20");
    }

    @Test
    void believesTheForwardedHeaderOfTheConfiguredProxyOnly() throws Exception {
        Valve valve = remoteIpValve(ConfiguredEnvironment.of(
                Map.of("GRIDCASE_TRUSTED_PROXIES", "10\\.0\\.0\\.5"), "postgres"));

        assertThat(clientAddress(valve, "10.0.0.5", "203.0.113.7")).isEqualTo("203.0.113.7");
        // another machine of the same network is a client like any other
        assertThat(clientAddress(valve, "10.0.0.6", "203.0.113.7")).isEqualTo("10.0.0.6");
        // a client that writes its own header in front of the proxy's entry is still counted by the proxy's entry
        assertThat(clientAddress(valve, "10.0.0.5", "198.51.100.1, 203.0.113.7")).isEqualTo("203.0.113.7");
    }

    /** The RemoteIpValve Spring Boot adds to Tomcat's engine for this configuration. */
    private static Valve remoteIpValve(Environment environment) {
        ServerProperties server = Binder.get(environment).bind("server", ServerProperties.class).get();
        TomcatServletWebServerFactory factory = new TomcatServletWebServerFactory();
        new TomcatWebServerFactoryCustomizer(environment, server).customize(factory);
        return factory.getEngineValves().stream().filter(RemoteIpValve.class::isInstance).findFirst()
                .orElseThrow(() -> new AssertionError("no RemoteIpValve: forwarded headers are not handled"));
    }

    /** The address the application sees for a connection from {@code peer} carrying this X-Forwarded-For. */
    private static String clientAddress(Valve valve, String peer, String forwardedFor) throws Exception {
        Request request = new Request(new Connector());
        request.setCoyoteRequest(new org.apache.coyote.Request());
        request.setRemoteAddr(peer);
        request.setRemoteHost(peer);
        request.getCoyoteRequest().getMimeHeaders().addValue("X-Forwarded-For").setString(forwardedFor);
        String[] seen = new String[1];
        valve.setNext(new ValveBase() {
            @Override
            public void invoke(Request forwarded, Response response) {
                seen[0] = forwarded.getRemoteAddr();
            }
        });
        valve.invoke(request, null);
        return seen[0];
    }
}
