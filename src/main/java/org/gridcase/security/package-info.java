/**
 * What keeps gridcase safe to deploy: no expression from a request is ever evaluated by the engine, failed
 * logins slow the attacker and not the user, passwords are stored with a slow hash, public intake is throttled,
 * and no response carries the server's internals. The client address every limit counts by is the one Tomcat's
 * RemoteIpValve resolves, trusting forwarded headers only from the proxies configured in
 * {@code GRIDCASE_TRUSTED_PROXIES}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Security")
package org.gridcase.security;
