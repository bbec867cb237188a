package org.gridcase;

import javax.sql.DataSource;

import net.ttddyy.dsproxy.support.ProxyDataSource;
import net.ttddyy.dsproxy.support.ProxyDataSourceBuilder;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * Puts a {@link StatementRecorder} between the application and its connection pool, for tests that count the SQL a
 * use case sends ({@code @Import(StatementCounting.class)}). The pool's bean itself is wrapped, so JPA, Flyway,
 * JdbcTemplate and the Camunda engine (whose transaction-aware DataSource wraps this bean in turn) all go through
 * it. Importing this makes a Spring context of its own.
 */
@TestConfiguration(proxyBeanMethods = false)
public class StatementCounting {

    @Bean
    static StatementRecorder statementRecorder() {
        return new StatementRecorder();
    }

    /** Static, like every BeanPostProcessor bean: it must exist before the DataSource it wraps is made. */
    @Bean
    static BeanPostProcessor dataSourcesSendingStatementsToTheRecorder(StatementRecorder recorder) {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String beanName) {
                if (bean instanceof DataSource pool && !(bean instanceof ProxyDataSource)) {
                    return ProxyDataSourceBuilder.create(beanName, pool).listener(recorder).build();
                }
                return bean;
            }
        };
    }
}
