/**
 * What lets several gridcase nodes share one PostgreSQL database behind a load balancer: a start-up lock, so that
 * nodes started together create Camunda's tables and gridcase's start-up records (authorizations, identity,
 * Tasklist filters) one after the other; the times jobs take, against the job lock time that decides how soon a
 * dead node's jobs pass to another. Depends on no other gridcase module.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Cluster")
package org.gridcase.cluster;
