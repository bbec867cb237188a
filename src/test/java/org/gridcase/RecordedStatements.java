package org.gridcase;

import static java.util.stream.Collectors.counting;
import static java.util.stream.Collectors.groupingBy;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import net.ttddyy.dsproxy.ExecutionInfo;
import net.ttddyy.dsproxy.QueryInfo;

/** The statements one piece of work sent, in order, and a breakdown that shows a developer what they were. */
public class RecordedStatements {

    private static final int SHOWN_SQL_LENGTH = 220;

    private final List<RecordedStatement> statements = new ArrayList<>();
    private int executions;

    /** One JDBC execution: a single statement, or a batch whose every parameter set is a statement of its own. */
    synchronized void executed(ExecutionInfo execution, List<QueryInfo> queries) {
        executions++;
        for (QueryInfo query : queries) {
            int times = execution.isBatch() ? Math.max(1, query.getParametersList().size()) : 1;
            RecordedStatement statement = RecordedStatement.of(query.getQuery());
            for (int i = 0; i < times; i++) {
                statements.add(statement);
            }
        }
    }

    /** How many statements the database ran. */
    public synchronized int count() {
        return statements.size();
    }

    /** How many times JDBC went to the database: a batch counts once however many statements it holds. */
    public synchronized int executions() {
        return executions;
    }

    /** Every statement in the order it was sent, for a developer who wants to read the whole story. */
    public synchronized List<RecordedStatement> inOrder() {
        return List.copyOf(statements);
    }

    /**
     * The count by kind, then by kind and table (most first), then every SQL text sent more than once: where a
     * count grew, and the repeats that batching, caching or a join could save.
     */
    public synchronized String breakdown() {
        StringBuilder text = new StringBuilder();
        text.append(count()).append(" statements in ").append(executions).append(" JDBC executions\n");
        text.append("by kind: ").append(counted(statements, RecordedStatement::kind).entrySet().stream()
                .map(entry -> entry.getKey() + " " + entry.getValue()).collect(Collectors.joining(", ")))
                .append('\n');
        text.append("by kind and table:\n");
        counted(statements, RecordedStatement::kindAndTable)
                .forEach((kindAndTable, n) -> text.append("  %4d  %s%n".formatted(n, kindAndTable)));
        text.append("the same SQL sent more than once:\n");
        counted(statements, RecordedStatement::sql).entrySet().stream().filter(entry -> entry.getValue() > 1)
                .forEach(entry -> text.append("  %4d× %s%n".formatted(entry.getValue(), shortened(entry.getKey()))));
        return text.toString();
    }

    /** Each key with its count, the most frequent first, ties in the order they were first sent. */
    private static Map<String, Long> counted(List<RecordedStatement> statements,
            Function<RecordedStatement, String> key) {
        Map<String, Long> counts = statements.stream().collect(groupingBy(key, LinkedHashMap::new, counting()));
        return counts.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder()))
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue, (a, b) -> a, LinkedHashMap::new));
    }

    private static String shortened(String sql) {
        return sql.length() <= SHOWN_SQL_LENGTH ? sql : sql.substring(0, SHOWN_SQL_LENGTH) + " …";
    }
}
