package org.gridcase.identity;

import java.util.Collection;
import java.util.List;
import java.util.Set;

import org.camunda.bpm.engine.impl.TaskQueryImpl;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.json.JsonTaskQueryConverter;

/**
 * Recognises a task query whose own criteria already keep it to tasks the caller may read, so that the engine need
 * not join its authorizations to every task to find out.
 *
 * <p>The engine grants a group READ on a task the moment the group becomes a candidate of it, and a user the moment
 * they become its assignee (its default {@code ResourceAuthorizationProvider}). So a query that only returns tasks
 * with a candidate link to one of the caller's own groups, or assigned to the caller, only returns tasks the caller
 * holds such a grant for. That is how every Tasklist filter of gridcase asks (本街道: candidate group street-…;
 * 我的待办: my groups; 已超时: mine or my groups). Two things this relies on, both true in gridcase: nobody revokes
 * a task grant by hand (gridcase never creates revoking authorizations), and no CMMN case tasks (they get no grants;
 * gridcase deploys BPMN and DMN only).
 *
 * <p>The top-level criteria are joined with AND: one of them that confines the query suffices. The criteria of an
 * {@code or()} group are joined with OR: the group confines the query only if every criterion in it does. Those
 * are read through the engine's own JSON form of a query (what filters are stored as), so that a criterion this
 * class does not know of never passes for a confining one.
 */
final class OwnTaskQueries {

    /** The only criteria (JSON keys) an or() group may have to confine the query; expressions are their sources. */
    private static final Set<String> CONFINING_OR_CRITERIA = Set.of("assignee", "candidateGroup", "candidateGroups",
            "includeAssignedTasks", "taskAssigneeExpression", "taskCandidateGroupExpression",
            "taskCandidateGroupInExpression");

    private static final JsonTaskQueryConverter JSON = new JsonTaskQueryConverter();

    private OwnTaskQueries() {
    }

    /** Whether every task the query can return is one the caller holds a grant for. */
    static boolean confinedToCaller(TaskQueryImpl query, Authentication caller) {
        if (caller == null || caller.getUserId() == null) {
            return false;
        }
        List<TaskQueryImpl> queries = query.getQueries();
        if (confines(queries.get(0), caller)) {
            return true;
        }
        return queries.stream().skip(1).anyMatch(orGroup -> onlyConfiningCriteria(orGroup) && confines(orGroup, caller));
    }

    /** Whether the query's candidate or assignee criterion alone keeps it to the caller's tasks. */
    private static boolean confines(TaskQueryImpl query, Authentication caller) {
        if (query.getCandidateUser() != null || query.getCandidateGroupLike() != null
                || query.getInvolvedUser() != null) {
            return false; // these widen the candidate criterion beyond the listed groups
        }
        boolean assignedToCaller = caller.getUserId().equals(query.getAssignee());
        List<String> groups = query.getCandidateGroups();
        boolean candidateOfCallersGroups = groups != null && !groups.isEmpty()
                && callerGroups(caller).containsAll(groups);
        if (query.isOrQueryActive()) {
            // within an or() group each criterion set must confine: assignee and candidate groups both, if both set
            return (query.getAssignee() == null || assignedToCaller)
                    && (groups == null || candidateOfCallersGroups)
                    && (assignedToCaller || candidateOfCallersGroups);
        }
        return assignedToCaller || candidateOfCallersGroups;
    }

    private static boolean onlyConfiningCriteria(TaskQueryImpl orGroup) {
        var criteria = JSON.toJsonObject(orGroup, true); // the engine's shaded Gson: its keys are the criteria set
        return CONFINING_OR_CRITERIA.containsAll(criteria.keySet());
    }

    private static Collection<String> callerGroups(Authentication caller) {
        return caller.getGroupIds() == null ? List.of() : caller.getGroupIds();
    }
}
