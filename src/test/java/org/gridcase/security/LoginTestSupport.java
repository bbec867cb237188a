package org.gridcase.security;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/** What every login test holds: the demo district's running node, its engine and identity, and a login client. */
abstract class LoginTestSupport {

    @LocalServerPort
    int port;

    @Autowired
    ProcessEngine engine;

    @Autowired
    IdentityService identity;

    @Autowired
    JdbcTemplate jdbc;

    Logins logins;

    @BeforeEach
    void connect() {
        logins = new Logins(port, engine);
    }
}
