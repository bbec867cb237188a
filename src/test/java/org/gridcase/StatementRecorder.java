package org.gridcase;

import java.util.List;
import java.util.concurrent.Callable;

import net.ttddyy.dsproxy.ExecutionInfo;
import net.ttddyy.dsproxy.QueryInfo;
import net.ttddyy.dsproxy.listener.QueryExecutionListener;

/**
 * Records the SQL statements that one thread sends while it runs a piece of work. Only the thread that called
 * {@link #record} counts: a MockMvc request and a job run with {@code ManagementService.executeJob} run on the
 * test's thread, while the other threads of the context (schedulers, pools) would make the count vary.
 */
public class StatementRecorder implements QueryExecutionListener {

    private final ThreadLocal<RecordedStatements> current = new ThreadLocal<>();

    /** Runs {@code work}, adding the statements this thread sends meanwhile to {@code into}; what it returned. */
    public <T> T record(RecordedStatements into, Callable<T> work) throws Exception {
        current.set(into);
        try {
            return work.call();
        } finally {
            current.remove();
        }
    }

    @Override
    public void beforeQuery(ExecutionInfo execution, List<QueryInfo> queries) {
    }

    @Override
    public void afterQuery(ExecutionInfo execution, List<QueryInfo> queries) {
        RecordedStatements statements = current.get();
        if (statements != null) {
            statements.executed(execution, queries);
        }
    }
}
