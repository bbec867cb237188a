package db.migration;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * The functions that add a fact's figures to the monthly sums (V52, V57, V58) become PL/pgSQL with the same bodies.
 * PostgreSQL 15 parses and plans the statements of a SQL-language function anew at every call; PL/pgSQL prepares
 * them once per connection. The sums' triggers call these functions at every fact a step writes (subtracting the
 * old figures, adding the new), and in the benchmark's lifecycle parsing and planning them was three quarters of
 * their time and about an eighth of PostgreSQL's CPU (perf: {@code fmgr_sql} over {@code pg_plan_query} and
 * {@code parse_analyze}). Each body is taken as it is from the database, so the sums stay what they were. The
 * rebuild functions, run once by migrations, stay SQL. Only PostgreSQL has the functions.
 */
public class V60__sums_functions_in_plpgsql extends BaseJavaMigration {

    static final List<String> ADD_FUNCTIONS = List.of("case_fact_month_add", "case_fact_place_add",
            "case_fact_assist_add", "checkin_fact_month_add");

    @Override
    public void migrate(Context context) throws Exception {
        String database = context.getConnection().getMetaData().getDatabaseProductName();
        if (!"PostgreSQL".equals(database)) {
            return;
        }
        for (String function : ADD_FUNCTIONS) {
            String arguments;
            String body;
            try (PreparedStatement read = context.getConnection().prepareStatement("SELECT"
                    + " pg_get_function_arguments(p.oid), p.prosrc FROM pg_proc p"
                    + " WHERE p.proname = ? AND p.pronamespace = current_schema()::regnamespace")) {
                read.setString(1, function);
                try (ResultSet row = read.executeQuery()) {
                    if (!row.next()) {
                        throw new IllegalStateException("The sums function " + function + " is missing");
                    }
                    arguments = row.getString(1);
                    body = row.getString(2).strip();
                }
            }
            try (Statement sql = context.getConnection().createStatement()) {
                sql.execute("CREATE OR REPLACE FUNCTION " + function + "(" + arguments + ") RETURNS void"
                        + " LANGUAGE plpgsql AS $sums$ BEGIN " + body + (body.endsWith(";") ? "" : ";")
                        + " END $sums$");
            }
        }
    }
}
