package org.gridcase.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import javax.sql.DataSource;

/**
 * Copies real cases row by row, in SQL: the fast path of the load mode, for sizes that the real path (some 20-30
 * cases a second on two cores, most of it in the triage's FEEL evaluation) would take hours to reach. The
 * templates are cases made through gridcase's own registration and job executor; each copy gets every row of
 * its template in every table the case touched (the engine's runtime and history tables, its byte arrays,
 * gridcase's case record and stages and departments), with new ids and a new case number, so that the copies
 * are what the templates are: waiting at the same task, with the same identity links, authorizations, variables,
 * history and timers, and workable by the engine like any case.
 *
 * <p>A per-case id of a template (an execution, task, variable, job, activity instance, ... : any value of the
 * columns in {@link #REFERENCES} of the template's rows) becomes, in copy n, the same string with the six
 * characters after its ULID's time replaced by n in hexadecimal: the engine's ids are ULIDs (cluster/CompactIds;
 * alone, or after an activity id), 10 characters of time and 16 of randomness, and the ids made in one millisecond
 * differ in their last ten (the generator counts up from a random start), so copies neither collide with each other
 * or with the templates nor grow longer than their columns. Case numbers get "-n" (BA-20251009-0042-17), wherever a text holds one (business key, variables,
 * task names).
 *
 * <p>Each copy happened earlier than its template, by its own amount up to {@code spread} ({@link #shift}): every
 * timestamp of when something happened (received, task created, activity started, variable written, stage
 * entered) moves back by it, so that the copies' cases, of every street and department, arrive interleaved over
 * that span as a district's reports do, each at its own microsecond, and their order by time is not their
 * templates' order. (Copies that kept their templates' times arrived in a hundred instants, every copy of a
 * template at the same one: all check-ins newer than all whistles, and a "newest first" query read the same
 * 30,000 other units' tasks at every size.) What is due stays the template's ({@link #stays}: timers, task and
 * case due dates, lock expiries): moved back, the copies' timers would fall due by the thousand while measuring,
 * which a district's long-open cases did when they fell due, not all at once. Also the template's: the reporter's
 * details and words, ids inside free texts (the operation log's values), and the time part of the copies' ids.
 */
final class CaseCloner implements AutoCloseable {

    /** Columns that hold per-case ids. Shared ids (definitions, activities, groups, users) are never among them. */
    private static final Set<String> REFERENCES = Set.of("id_", "proc_inst_id_", "process_instance_id_",
            "root_proc_inst_id_", "execution_id_", "parent_id_", "super_exec_", "act_inst_id_", "parent_act_inst_id_",
            "task_id_", "parent_task_id_", "var_inst_id_", "var_scope_", "job_id_", "dec_inst_id_",
            "root_dec_inst_id_", "bytearray_id_", "exception_stack_id_", "job_exception_stack_id_", "resource_id_",
            "operation_id_", "last_failure_log_id_", "call_proc_inst_id_", "process_instance_id");

    private static final String CASE_NUMBER = "(B[A-J]-[0-9]{8}-[0-9]{4,})";

    private final Connection connection;
    /** The tables a template has rows in, each with the column that finds them, in the order ids are collected. */
    private final Map<String, String> selectors = new LinkedHashMap<>();
    private final Map<String, List<Column>> columns = new LinkedHashMap<>();
    private List<String> caseChildren = List.of();

    /** A column's name and what kind of value it holds: text (ids, case numbers) or a moment. */
    private record Column(String name, boolean text, boolean moment) {
    }

    /** How far back the copies are spread: each case by its own part of it. */
    private final Duration spread;

    CaseCloner(DataSource dataSource, Duration spread) {
        this.spread = spread;
        try {
            this.connection = dataSource.getConnection();
            connection.setAutoCommit(false);
        } catch (SQLException e) {
            throw new IllegalStateException("No connection for the case cloner", e);
        }
    }

    /**
     * Takes the templates' rows aside (temporary tables of this connection, so that copying never reads the growing
     * tables) and collects their ids. {@code templates} are process instance ids; a copy may take the first few.
     */
    void prepare(List<String> templates) {
        try (Statement sql = connection.createStatement()) {
            sql.execute("CREATE TEMP TABLE bench_ids (id varchar(255) PRIMARY KEY, tmpl int NOT NULL)");
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO bench_ids VALUES (?, ?)")) {
                for (int i = 0; i < templates.size(); i++) {
                    insert.setString(1, templates.get(i));
                    insert.setInt(2, i);
                    insert.addBatch();
                }
                insert.executeBatch();
            }
            readSchema();
            for (Map.Entry<String, String> table : selectors.entrySet()) {
                setAside(sql, table.getKey(), table.getValue());
            }
            sql.execute("CREATE TEMP TABLE bench_t_case_record AS SELECT r.*, s.tmpl AS bench_tmpl FROM case_record r "
                    + "JOIN bench_ids s ON s.id = r.process_instance_id");
            for (String child : caseChildren) {
                sql.execute("CREATE TEMP TABLE bench_t_%1$s AS SELECT c.*, r.case_number AS bench_case_number, "
                        .formatted(child) + "r.bench_tmpl FROM %s c JOIN bench_t_case_record r ON r.id = c.case_id"
                        .formatted(child));
            }
            sql.execute("ANALYZE bench_ids");
            connection.commit();
        } catch (SQLException e) {
            throw new IllegalStateException("Setting the templates aside failed", e);
        }
    }

    /**
     * Makes copies {@code first}..{@code last} (numbered from 1) of the templates whose index is below
     * {@code templateLimit}, in one transaction.
     */
    void copy(int first, int last, int templateLimit) {
        try (Statement sql = connection.createStatement()) {
            for (String table : insertOrder()) {
                sql.executeUpdate(copyStatement(table, first, last, templateLimit));
            }
            copyCaseRecords(sql, first, last, templateLimit);
            connection.commit();
        } catch (SQLException e) {
            try {
                connection.rollback();
            } catch (SQLException ignored) {
                // the first failure is the one to report
            }
            throw new IllegalStateException("Copying cases " + first + ".." + last + " failed", e);
        }
    }

    @Override
    public void close() {
        try {
            connection.rollback();
            // temporary tables go with the session; a pooled connection's session lives on, so they go now
            try (Statement sql = connection.createStatement()) {
                sql.execute("DISCARD TEMP");
            }
            connection.setAutoCommit(true);
            connection.close();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Every engine table with a column that leads from the case to its rows, and gridcase's case tables. */
    private void readSchema() throws SQLException {
        Map<String, List<Column>> all = new LinkedHashMap<>();
        try (ResultSet rows = connection.createStatement().executeQuery("SELECT table_name, column_name, data_type "
                + "FROM information_schema.columns WHERE table_schema = current_schema() "
                + "ORDER BY table_name, ordinal_position")) {
            while (rows.next()) {
                String type = rows.getString(3);
                all.computeIfAbsent(rows.getString(1), t -> new ArrayList<>()).add(new Column(rows.getString(2),
                        type.startsWith("character") || type.equals("text"), type.startsWith("timestamp")));
            }
        }
        columns.putAll(all);
        // first the tables found through the process instance, then through their tasks and decisions, then the
        // byte arrays their rows point at: each step's ids are collected before the next looks for its rows
        for (String table : all.keySet()) {
            if (table.startsWith("act_ru_") || table.startsWith("act_hi_")) {
                Set<String> names = names(table);
                if (names.contains("proc_inst_id_")) {
                    selectors.put(table, "proc_inst_id_");
                } else if (names.contains("process_instance_id_")) {
                    selectors.put(table, "process_instance_id_");
                }
            }
        }
        selectors.put("act_ru_identitylink", "task_id_");
        selectors.put("act_hi_identitylink", "task_id_");
        selectors.put("act_ru_authorization", "resource_id_");
        selectors.put("act_hi_dec_in", "dec_inst_id_");
        selectors.put("act_hi_dec_out", "dec_inst_id_");
        selectors.put("act_ge_bytearray", "id_");
        caseChildren = all.keySet().stream().filter(t -> !t.startsWith("act_") && names(t).contains("case_id"))
                .toList();
    }

    /**
     * Rows that others point at go first (foreign keys): byte arrays, executions, tasks; the rest point only at
     * those, or have no foreign keys (history, authorizations).
     */
    private List<String> insertOrder() {
        List<String> first = List.of("act_ge_bytearray", "act_ru_execution", "act_ru_task");
        List<String> order = new ArrayList<>(first);
        selectors.keySet().stream().filter(t -> !first.contains(t)).forEach(order::add);
        return order;
    }

    private Set<String> names(String table) {
        return columns.get(table).stream().map(Column::name).collect(Collectors.toSet());
    }

    private void setAside(Statement sql, String table, String selector) throws SQLException {
        sql.execute("CREATE TEMP TABLE bench_t_%1$s AS SELECT r.*, s.tmpl AS bench_tmpl FROM %1$s r "
                .formatted(table) + "JOIN bench_ids s ON s.id = r.%s".formatted(selector));
        List<String> references = columns.get(table).stream().map(Column::name).filter(REFERENCES::contains)
                .toList();
        if (!references.isEmpty()) {
            String values = references.stream().map(c -> "(r." + c + ")").collect(Collectors.joining(", "));
            sql.execute("INSERT INTO bench_ids SELECT v.id, min(r.bench_tmpl) FROM bench_t_%s r ".formatted(table)
                    + "CROSS JOIN LATERAL (VALUES " + values + ") AS v(id) WHERE v.id IS NOT NULL GROUP BY v.id "
                    + "ON CONFLICT DO NOTHING");
        }
        // later tables are found through these ids: the planner should know how many there are
        sql.execute("ANALYZE bench_ids");
    }

    private String copyStatement(String table, int first, int last, int templateLimit) {
        List<Column> cols = columns.get(table);
        String names = cols.stream().map(Column::name).collect(Collectors.joining(", "));
        String values = cols.stream().map(c -> value("r", c)).collect(Collectors.joining(", "));
        return "INSERT INTO %s (%s) SELECT %s FROM bench_t_%s r CROSS JOIN generate_series(%d, %d) AS n "
                .formatted(table, names, values, table, first, last) + "WHERE r.bench_tmpl < " + templateLimit;
    }

    /** A column's value in copy n of the row {@code alias}: text mapped, a moment moved back, the rest as it is. */
    private String value(String alias, Column column) {
        String value = alias + "." + column.name();
        if (column.text()) {
            return mapped(value);
        }
        return column.moment() && !stays(column.name()) ? value + " - " + shift(alias) : value;
    }

    /** Moments that say when something is due or held, not when it happened: they stay the template's. */
    private static boolean stays(String column) {
        return column.contains("due") || column.contains("deadline") || column.contains("lock_exp")
                || column.contains("follow_up") || column.contains("expires") || column.contains("not_before")
                || column.contains("next_attempt");
    }

    /**
     * How much earlier copy n of a template happened: a share of the spread drawn from the pair (template, n), the
     * same for every row of the case in every table, evenly spread between 0 and the whole.
     */
    private String shift(String alias) {
        return "((hashtext(%s.bench_tmpl || '/' || n)::bigint + 2147483648) / 4294967296.0 * interval '%d seconds')"
                .formatted(alias, spread.toSeconds());
    }

    /** A text value as copy n has it: a per-case id renumbered, a case number suffixed, anything else as it is. */
    private static String mapped(String value) {
        return ("CASE WHEN %1$s IN (SELECT id FROM bench_ids) "
                + "THEN left(%1$s, length(%1$s) - 16) || lpad(to_hex(n), 6, '0') || right(%1$s, 10) "
                + "WHEN %1$s ~ '%2$s' THEN regexp_replace(%1$s, '%2$s', '\\1-' || n, 'g') ELSE %1$s END")
                .formatted(value, CASE_NUMBER);
    }

    /** Case records get new keys from their identity column; their stages and departments follow by number. */
    private void copyCaseRecords(Statement sql, int first, int last, int templateLimit) throws SQLException {
        List<Column> cols = columns.get("case_record").stream().filter(c -> !c.name().equals("id")).toList();
        String names = cols.stream().map(Column::name).collect(Collectors.joining(", "));
        String values = cols.stream().map(c -> switch (c.name()) {
            case "tracking_token" -> "md5(random()::text)";
            default -> value("r", c);
        }).collect(Collectors.joining(", "));
        sql.executeUpdate("INSERT INTO case_record (%s) SELECT %s FROM bench_t_case_record r ".formatted(names, values)
                + "CROSS JOIN generate_series(%d, %d) AS n WHERE r.bench_tmpl < %d".formatted(first, last,
                        templateLimit));
        for (String child : caseChildren) {
            List<Column> childCols = columns.get(child).stream()
                    .filter(c -> !c.name().equals("id") && !c.name().equals("case_id")).toList();
            String childNames = childCols.stream().map(Column::name).collect(Collectors.joining(", "));
            String childValues = childCols.stream().map(c -> c.moment() && !stays(c.name())
                    ? "c." + c.name() + " - " + shift("c") : "c." + c.name()).collect(Collectors.joining(", "));
            sql.executeUpdate("INSERT INTO %s (case_id, %s) SELECT r.id, %s FROM bench_t_%s c ".formatted(child,
                    childNames, childValues, child) + "CROSS JOIN generate_series(%d, %d) AS n ".formatted(first,
                    last) + "JOIN case_record r ON r.case_number = c.bench_case_number || '-' || n "
                    + "WHERE c.bench_tmpl < " + templateLimit);
        }
    }
}
