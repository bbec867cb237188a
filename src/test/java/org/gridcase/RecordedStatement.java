package org.gridcase;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import net.ttddyy.dsproxy.listener.QueryUtils;

/**
 * One SQL statement as the database ran it: its kind (select, insert, update, delete, other), the table it is about
 * and its text, whitespace squeezed so that the same statement reads the same wherever it was sent from.
 */
public record RecordedStatement(String kind, String table, String sql) {

    // the first table named after FROM: for a select from a subquery, the subquery's table
    private static final Pattern SELECTED_TABLE = Pattern.compile("\\bfrom\\s+([a-z_][\\w.]*)");
    private static final Pattern WRITTEN_TABLE =
            Pattern.compile("^(?:insert\\s+into|update|delete\\s+from)\\s+([a-z_][\\w.]*)");
    private static final Pattern SEQUENCE = Pattern.compile("nextval\\s*\\(\\s*'([^']+)'");

    public static RecordedStatement of(String query) {
        String sql = QueryUtils.removeCommentAndWhiteSpace(query).replaceAll("\\s+", " ").trim();
        String kind = QueryUtils.getQueryType(sql).name().toLowerCase(Locale.ROOT);
        return new RecordedStatement(kind, tableOf(sql.toLowerCase(Locale.ROOT)), sql);
    }

    /** "kind table", as the breakdown lists it. */
    public String kindAndTable() {
        return kind + " " + table;
    }

    private static String tableOf(String sql) {
        Matcher written = WRITTEN_TABLE.matcher(sql);
        if (written.find()) {
            return spelled(written.group(1));
        }
        Matcher selected = SELECTED_TABLE.matcher(sql);
        if (selected.find()) {
            return spelled(selected.group(1));
        }
        Matcher sequence = SEQUENCE.matcher(sql);
        if (sequence.find()) {
            return "nextval(" + sequence.group(1) + ")";
        }
        return "-";
    }

    /** Camunda's tables as its docs spell them (ACT_RU_TASK), ours as Flyway made them (case_record). */
    private static String spelled(String table) {
        return table.startsWith("act_") ? table.toUpperCase(Locale.ROOT) : table;
    }
}
