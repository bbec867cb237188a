package org.gridcase.system;

import java.util.Set;

/**
 * Who a request is from: a Camunda user and their groups, or nobody (a resident without an account, or code that
 * runs outside any request: the job executor, start-up). Rules that depend on the caller read it from
 * {@link Callers}; nobody is allowed nothing that needs a login.
 */
public record Caller(String userId, Set<String> groups) {

    public static final Caller NOBODY = new Caller(null, Set.of());

    public Caller {
        groups = groups == null ? Set.of() : Set.copyOf(groups);
    }

    public boolean known() {
        return userId != null;
    }

    public boolean isMemberOf(String group) {
        return group != null && groups.contains(group);
    }
}
