package vn.gov.thidua.tasklist;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.task.TaskQuery;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import vn.gov.thidua.engine.EngineInternals;

/**
 * The Tasklist filters officers and the Board start from, created at start-up: each exactly once, brought back to its
 * definition here when it was changed (in Tasklist or by an older release), duplicates removed. Each filter carries
 * its key in the property {@value #KEY}; the work is done under a row lock of startup_lock, so nodes starting
 * together take turns and the second finds the first one's filters.
 *
 * <p>Filter expressions run in the engine with the signed-in user: {@code currentUser()}, {@code currentUserGroups()}
 * and {@code now()} are the engine's; "Sắp đến hạn" also calls the Spring bean {@code workingCalendar}, which the
 * engine's expression manager resolves in stored queries as in models, so "within 5 working days" skips weekends
 * and holidays rather than approximating them with calendar days.
 */
@Component
@Order(40)
public class TasklistFilters implements ApplicationRunner {

    public static final String KEY = "thiduaFilterKey";
    public static final String UNIT_TASKS = "viec-cua-don-vi";
    public static final String MY_TASKS = "viec-toi-dang-xu-ly";
    public static final String DUE_SOON = "sap-den-han";
    public static final String OVERDUE = "qua-han";
    public static final String OVERDUE_UNITS = "don-vi-qua-han";

    static final int DUE_SOON_WORKING_DAYS = 5;

    private static final Logger log = LoggerFactory.getLogger(TasklistFilters.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String MY_GROUPS = "${currentUserGroups()}";

    private record Definition(String key, String name, String description, String color, int priority,
                              Supplier<TaskQuery> query) {
    }

    private final FilterService filterService;
    private final TaskService taskService;
    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;

    TasklistFilters(FilterService filterService, TaskService taskService, JdbcTemplate jdbc, TransactionTemplate transaction) {
        this.filterService = filterService;
        this.taskService = taskService;
        this.jdbc = jdbc;
        this.transaction = transaction;
    }

    @Override
    public void run(ApplicationArguments args) {
        install();
    }

    /** Creates, updates or de-duplicates the filters; returns how many filters were written or removed. */
    public int install() {
        Integer changes = transaction.execute(status -> {
            jdbc.queryForList("select name from startup_lock where name = 'tasklist-filters' for update", String.class);
            int changed = 0;
            for (Definition definition : definitions()) {
                changed += installOne(definition);
            }
            return changed;
        });
        log.info("Tasklist filters in place ({} created, updated or removed)", changes);
        return changes == null ? 0 : changes;
    }

    /** The id of the filter with this key, e.g. for tests and for authorizations. */
    public String filterId(String key) {
        return ours(key).stream().findFirst().map(Filter::getId)
                .orElseThrow(() -> new IllegalStateException("Tasklist filter " + key + " is not installed"));
    }

    private int installOne(Definition definition) {
        Filter wanted = filterService.newTaskFilter(definition.name())
                .setQuery(definition.query().get().orderByDueDate().asc())
                .setProperties(properties(definition));
        List<Filter> existing = ours(definition.key());
        if (existing.isEmpty()) {
            filterService.saveFilter(wanted);
            return 1;
        }
        // Keep one that already matches, so a duplicate from a race costs nothing but its deletion
        Filter current = existing.stream().filter(filter -> sameDefinition(filter, wanted)).findFirst().orElse(existing.get(0));
        int changed = 0;
        for (Filter duplicate : existing) {
            if (duplicate != current) {
                filterService.deleteFilter(duplicate.getId());
                changed++;
            }
        }
        if (!sameDefinition(current, wanted)) {
            current.setName(wanted.getName());
            current.setQuery(wanted.getQuery());
            current.setProperties(wanted.getProperties());
            filterService.saveFilter(current);
            changed++;
        }
        return changed;
    }

    private List<Filter> ours(String key) {
        List<Filter> found = new ArrayList<>();
        for (Filter filter : filterService.createTaskFilterQuery().orderByFilterId().asc().list()) {
            if (filter.getProperties() != null && key.equals(filter.getProperties().get(KEY))) {
                found.add(filter);
            }
        }
        return found;
    }

    /** Compares what Tasklist reads: the name, the stored query and the properties, as JSON. */
    private static boolean sameDefinition(Filter current, Filter wanted) {
        return Objects.equals(current.getName(), wanted.getName())
                && sameJson(EngineInternals.storedQuery(current), EngineInternals.storedQuery(wanted))
                && sameJson(EngineInternals.storedProperties(current), EngineInternals.storedProperties(wanted));
    }

    private static boolean sameJson(String a, String b) {
        try {
            return a != null && b != null && JSON.readTree(a).equals(JSON.readTree(b));
        } catch (JsonProcessingException e) {
            return false;
        }
    }

    private static Map<String, Object> properties(Definition definition) {
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put(KEY, definition.key());
        properties.put("description", definition.description());
        properties.put("color", definition.color());
        properties.put("priority", definition.priority());
        // Tasklist polls a refreshing filter every few seconds: with thousands of officers that load is not worth it
        properties.put("refresh", false);
        properties.put("showUndefinedVariable", false);
        // The keys every unit's instance holds (a unit-milestone instance holds nothing else); the names are in the
        // task's own name (the milestone) and description (campaign, unit, deadline)
        properties.put("variables", List.of(
                Map.of("name", "campaignCode", "label", "Mã phong trào"),
                Map.of("name", "agencyCode", "label", "Mã đơn vị")));
        return properties;
    }

    private List<Definition> definitions() {
        return List.of(
                new Definition(UNIT_TASKS, "Việc của đơn vị",
                        "Việc đang mở của các cơ quan của tôi, đã có người nhận hay chưa; hạn gần nhất lên trước.",
                        "#1f6fb2", 10, () -> myAgencies()),
                new Definition(MY_TASKS, "Việc tôi đang xử lý", "Việc tôi đã nhận (claim); hạn gần nhất lên trước.",
                        "#2e7d32", 20, () -> taskService.createTaskQuery().taskAssigneeExpression("${currentUser()}")),
                new Definition(DUE_SOON, "Sắp đến hạn",
                        "Việc của các cơ quan của tôi đến hạn trong " + DUE_SOON_WORKING_DAYS + " ngày làm việc tới.",
                        "#e08600", 30, () -> myAgencies().dueAfterExpression("${now()}")
                                .dueBeforeExpression("${workingCalendar.endOfWorkingDaysFromNow(" + DUE_SOON_WORKING_DAYS + ")}")),
                new Definition(OVERDUE, "Quá hạn", "Việc của các cơ quan của tôi đã quá hạn mà chưa hoàn thành.",
                        "#c62828", 40, () -> myAgencies().dueBeforeExpression("${now()}")),
                new Definition(OVERDUE_UNITS, "Đơn vị quá hạn",
                        "Dành cho Ban Thi đua - Khen thưởng: việc của các đơn vị tham gia phong trào đã quá hạn, mọi cơ quan.",
                        "#7b1fa2", 50, () -> taskService.createTaskQuery()
                                .processDefinitionKeyIn("unit-milestone", "unit-participation")
                                .dueBeforeExpression("${now()}")));
    }

    private TaskQuery myAgencies() {
        return taskService.createTaskQuery().taskCandidateGroupInExpression(MY_GROUPS).includeAssignedTasks();
    }
}
