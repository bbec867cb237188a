/**
 * Who the users are: every active member of staff in the registry is a Camunda user, and every unit, department
 * and role is a Camunda group, kept in step by {@link org.gridcase.identity.CamundaIdentitySync}. Also creates
 * the shared Tasklist filters and secures gridcase's API and the engine's REST API with the same logins.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Identity")
package org.gridcase.identity;
