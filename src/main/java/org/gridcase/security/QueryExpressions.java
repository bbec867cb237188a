package org.gridcase.security;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.camunda.bpm.engine.impl.AbstractQuery;
import org.camunda.bpm.engine.impl.TaskQueryImpl;
import org.camunda.bpm.engine.query.Query;

/**
 * The expressions a query carries, at every depth: its own and those of each of its or-queries, which the engine
 * evaluates without the check it applies to the top level. Each is named as a REST client wrote it
 * ({@code orQueries[0].assigneeExpression}), so that a refusal says which field to remove.
 */
final class QueryExpressions {

    /** A query field that holds an expression, with the expression. */
    record Found(String field, String expression) {
    }

    /**
     * What stored queries (Tasklist filters) may use: the user and their groups, the time now, a date relative to
     * it, and gridcase's working-time function. Whole expressions only: nothing else can be appended.
     */
    private static final List<Pattern> STORED_ALLOWED = List.of(
            Pattern.compile("\\$\\{\\s*currentUser\\(\\)\\s*}"),
            Pattern.compile("\\$\\{\\s*currentUserGroups\\(\\)\\s*}"),
            Pattern.compile("\\$\\{\\s*now\\(\\)\\s*}"),
            Pattern.compile("\\$\\{\\s*dateTime\\(\\)"
                    + "(\\.(plus|minus)(Years|Months|Weeks|Days|Hours|Minutes|Seconds)\\(\\d{1,6}\\))*"
                    + "(\\.toDate\\(\\))?\\s*}"),
            Pattern.compile("\\$\\{\\s*workingTime\\.hoursAhead\\(\\d{1,4}\\)\\s*}"));

    /** Engine keys whose REST field is not simply the key without "task" plus "Expression". */
    private static final Map<String, String> REST_FIELDS = Map.of(
            "taskCandidateGroupIn", "candidateGroupsExpression",
            "dueDate", "dueDateExpression",
            "followUpDate", "followUpDateExpression");

    private QueryExpressions() {
    }

    static List<Found> of(Query<?, ?> query) {
        List<Found> found = new ArrayList<>();
        if (query instanceof AbstractQuery<?, ?> top) {
            add(found, "", top);
        }
        if (query instanceof TaskQueryImpl task) {
            List<TaskQueryImpl> or = task.getQueries();
            // the first entry is the query itself
            for (int i = 1; i < or.size(); i++) {
                add(found, "orQueries[" + (i - 1) + "].", or.get(i));
            }
        }
        return found;
    }

    static boolean allowedInStoredQuery(String expression) {
        return expression != null && STORED_ALLOWED.stream().anyMatch(p -> p.matcher(expression).matches());
    }

    private static void add(List<Found> found, String prefix, AbstractQuery<?, ?> query) {
        query.getExpressions().forEach((key, expression) -> found.add(new Found(prefix + restField(key), expression)));
    }

    static String restField(String key) {
        String field = REST_FIELDS.get(key);
        if (field != null) {
            return field;
        }
        String name = key.startsWith("task") && key.length() > 4 ? key.substring(4) : key;
        return Character.toLowerCase(name.charAt(0)) + name.substring(1) + "Expression";
    }
}
