package vn.gov.thidua.engine;

import java.lang.reflect.Field;
import java.util.ArrayDeque;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.impl.AbstractQuery;
import org.camunda.bpm.engine.impl.HistoricProcessInstanceQueryImpl;
import org.camunda.bpm.engine.impl.HistoricTaskInstanceQueryImpl;
import org.camunda.bpm.engine.impl.ProcessInstanceQueryImpl;
import org.camunda.bpm.engine.impl.TaskQueryImpl;
import org.camunda.bpm.engine.impl.cmd.AbstractExecuteFilterCmd;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.camunda.bpm.engine.impl.interceptor.CommandInvocationContext;

/**
 * Refuses, before it runs, every query that carries an expression the caller wrote: an ad-hoc query (list, count,
 * page, single result) and the extending query of a filter execution, each with its or-queries at any depth.
 * Camunda 7.24.0 CE's own check (AdhocQueryValidator) looks only at a query's top level and not at all at a filter's
 * extending query, so a task query with {@code orQueries:[{dueAfterExpression:"${…}"}]} ran code on the server.
 * Deciding here, on the query object, covers every way a query reaches the engine (REST paths, encodings, the
 * webapps' API) instead of matching request text.
 *
 * <p>The one query with expressions that does run is a stored filter's own (written by an administrator, e.g.
 * {@code ${currentUserGroups()}}): a filter command runs it as a nested command, after its extending query passed.
 */
class QueryExpressionGuard extends CommandInterceptor {

    static final String REFUSAL = "Truy vấn không được chứa biểu thức";

    /** AbstractExecuteFilterCmd has no getter for it; null when an engine upgrade renamed it, then filters fail closed. */
    private static final Field EXTENDING_QUERY = extendingQueryField();

    @Override
    public <T> T execute(Command<T> command) {
        if (command instanceof AbstractExecuteFilterCmd filterCommand) {
            refuseExpressions(extendingQuery(filterCommand));
        } else if (command instanceof AbstractQuery<?, ?> query && !runsInsideFilterCommand()) {
            refuseExpressions(query);
        }
        return next.execute(command);
    }

    static boolean canReadExtendingQueries() {
        return EXTENDING_QUERY != null;
    }

    /** True for the stored filter's query, which the filter command (already checked) runs through the engine. */
    private static boolean runsInsideFilterCommand() {
        CommandInvocationContext outer = Context.getCommandInvocationContext();
        return outer != null && outer.getCommand() instanceof AbstractExecuteFilterCmd;
    }

    private static Object extendingQuery(AbstractExecuteFilterCmd command) {
        if (EXTENDING_QUERY == null) {
            throw new BadUserRequestException(REFUSAL + " (không kiểm tra được truy vấn mở rộng của bộ lọc).");
        }
        try {
            return EXTENDING_QUERY.get(command);
        } catch (IllegalAccessException e) {
            throw new BadUserRequestException(REFUSAL + " (không kiểm tra được truy vấn mở rộng của bộ lọc).", e);
        }
    }

    private static void refuseExpressions(Object query) {
        if (query == null) {
            return;
        }
        if (!(query instanceof AbstractQuery<?, ?>)) {
            throw new BadUserRequestException(REFUSAL + " (loại truy vấn không kiểm tra được).");
        }
        Set<Object> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        Deque<AbstractQuery<?, ?>> pending = new ArrayDeque<>();
        pending.add((AbstractQuery<?, ?>) query);
        while (!pending.isEmpty()) {
            AbstractQuery<?, ?> next = pending.pop();
            if (!seen.add(next)) {
                continue;
            }
            Map<String, String> expressions = next.getExpressions();
            if (expressions != null && !expressions.isEmpty()) {
                throw new BadUserRequestException(REFUSAL + " (trường " + expressions.keySet().iterator().next() + ").");
            }
            pending.addAll(orQueries(next));
        }
    }

    /** The queries that may hold or-branches; each lists itself first, which {@code seen} skips. */
    private static List<? extends AbstractQuery<?, ?>> orQueries(AbstractQuery<?, ?> query) {
        List<? extends AbstractQuery<?, ?>> queries = null;
        if (query instanceof TaskQueryImpl task) {
            queries = task.getQueries();
        } else if (query instanceof ProcessInstanceQueryImpl instances) {
            queries = instances.getQueries();
        } else if (query instanceof HistoricProcessInstanceQueryImpl historicInstances) {
            queries = historicInstances.getQueries();
        } else if (query instanceof HistoricTaskInstanceQueryImpl historicTasks) {
            queries = historicTasks.getQueries();
        }
        return queries == null ? List.of() : queries;
    }

    private static Field extendingQueryField() {
        try {
            Field field = AbstractExecuteFilterCmd.class.getDeclaredField("extendingQuery");
            field.setAccessible(true);
            return field;
        } catch (ReflectiveOperationException | RuntimeException e) {
            return null;
        }
    }
}
