package org.gridcase.security;

import java.lang.reflect.Field;
import java.util.List;

import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.impl.AbstractQuery;
import org.camunda.bpm.engine.impl.cmd.AbstractExecuteFilterCmd;
import org.camunda.bpm.engine.impl.cmd.SaveFilterCmd;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.camunda.bpm.engine.impl.persistence.entity.FilterEntity;
import org.camunda.bpm.engine.query.Query;
import org.springframework.util.ReflectionUtils;

/**
 * No expression that a request sends is ever evaluated. Camunda evaluates the expressions of a task query's
 * or-queries without the check it applies to the top level (a grid worker's login could run any Java through
 * {@code orQueries[].assigneeExpression}), so every query is checked here, at every depth, before the engine
 * runs it:
 * <ul>
 * <li>an ad-hoc query (any query run as a command: the REST API's {@code /task}, {@code /task/count}) carries no
 *     expression at all;</li>
 * <li>the query that extends a filter ({@code /filter/{id}/list} with a body) carries none either;</li>
 * <li>a stored query (a Tasklist filter) uses only the expressions filters need, when it is saved and again when it
 *     runs, so a filter stored by other means cannot smuggle one in.</li>
 * </ul>
 * Runs inside the command context (a post interceptor), where the filter being run can be read.
 */
class QueryExpressionGuard extends CommandInterceptor {

    private static final Field EXTENDING_QUERY = field(AbstractExecuteFilterCmd.class, "extendingQuery");
    private static final Field FILTER_ID = field(AbstractExecuteFilterCmd.class, "filterId");
    private static final Field SAVED_FILTER = field(SaveFilterCmd.class, "filter");

    @Override
    public <T> T execute(Command<T> command) {
        if (command instanceof AbstractQuery<?, ?> adhoc) {
            refuseAny(adhoc);
        } else if (command instanceof AbstractExecuteFilterCmd run) {
            Query<?, ?> extending = (Query<?, ?>) ReflectionUtils.getField(EXTENDING_QUERY, run);
            if (extending != null) {
                refuseAny(extending);
            }
            String filterId = (String) ReflectionUtils.getField(FILTER_ID, run);
            if (filterId != null) {
                FilterEntity stored = Context.getCommandContext().getFilterManager().findFilterById(filterId);
                if (stored != null) {
                    refuseUnlisted(stored);
                }
            }
        } else if (command instanceof SaveFilterCmd save) {
            Filter filter = (Filter) ReflectionUtils.getField(SAVED_FILTER, save);
            if (filter != null && filter.getQuery() != null) {
                refuseUnlisted(filter);
            }
        }
        return next.execute(command);
    }

    private static void refuseAny(Query<?, ?> query) {
        List<QueryExpressions.Found> found = QueryExpressions.of(query);
        if (!found.isEmpty()) {
            throw new BadUserRequestException("查询中不允许使用表达式，请删除字段 "
                    + String.join("、", found.stream().map(QueryExpressions.Found::field).toList()));
        }
    }

    private static void refuseUnlisted(Filter filter) {
        List<String> refused = QueryExpressions.of(filter.getQuery()).stream()
                .filter(found -> !QueryExpressions.allowedInStoredQuery(found.expression()))
                .map(QueryExpressions.Found::field)
                .toList();
        if (!refused.isEmpty()) {
            throw new BadUserRequestException("过滤器“" + filter.getName() + "”使用了不允许的表达式（字段 "
                    + String.join("、", refused) + "）；过滤器只能使用 ${currentUser()}、${currentUserGroups()}、"
                    + "${now()}、${dateTime()...} 和 ${workingTime.hoursAhead(n)}");
        }
    }

    private static Field field(Class<?> type, String name) {
        Field field = ReflectionUtils.findField(type, name);
        if (field == null) {
            // a Camunda upgrade renamed it: refuse to start rather than run unguarded
            throw new IllegalStateException("Camunda's " + type.getSimpleName() + " has no field " + name);
        }
        ReflectionUtils.makeAccessible(field);
        return field;
    }
}
