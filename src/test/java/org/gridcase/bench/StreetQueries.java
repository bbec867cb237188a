package org.gridcase.bench;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.LongSupplier;

import com.fasterxml.jackson.databind.JsonNode;

import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.TaskQuery;
import org.gridcase.identity.CamundaGroups;
import org.gridcase.registry.TestDistrict;

/**
 * The reads a street's staff make all day, timed at the database's current size: the street's Tasklist filter
 * (本街道: every task of the street's group, claimed or not) as the Tasklist calls it over HTTP and through the Java
 * API, the plain task query of the same group, and gridcase's case search for the street. As the street's member
 * (authorization checks included, as staff get them) and, for comparison, as an administrator (no checks).
 */
final class StreetQueries {

    /** A query whose median call takes longer is not timed again at larger sizes: it would only take longer. */
    static final int ABANDON_SECONDS = 30;

    private final FilterService filters;
    private final TaskService tasks;
    private final IdentityService identity;
    private final BenchHttp http;
    private final int repeats;
    private final String member;
    private final String group;
    private final String filterId;
    private final String street;
    private final TasklistSession tasklist;
    private final Set<String> abandoned = new HashSet<>();

    StreetQueries(FilterService filters, TaskService tasks, IdentityService identity, BenchHttp http,
            BenchDistrict district, int repeats) {
        this.filters = filters;
        this.tasks = tasks;
        this.identity = identity;
        this.http = http;
        this.repeats = repeats;
        TestDistrict d = district.first();
        this.member = district.memberOf(d);
        this.group = BenchDistrict.streetGroup(d);
        this.filterId = district.streetFilterId(d);
        this.street = d.street();
        this.tasklist = TasklistSession.logIn(http, member, BenchDistrict.PASSWORD);
    }

    /** The Tasklist's own call, the measure of the target "list+count < 300 ms p95". */
    private Latency tasklistFirstPage() {
        return timed("Tasklist 本街道 list 15 + count (HTTP, member)", repeats,
                () -> tasklist.firstPage(filterId).path("count").asLong());
    }

    List<Latency> forThroughput() {
        List<Latency> measured = new ArrayList<>();
        measured.add(tasklistFirstPage());
        measured.add(timed("  same page as plain JSON, no count (HTTP, member)", repeats,
                () -> tasklist.firstPagePlain(filterId).size()));
        measured.add(timed("filter list 15 + count (Java API, member)", repeats,
                () -> asMember(this::filterListAndCount)));
        measured.add(timed("filter count (Java API, member)", repeats,
                () -> asMember(() -> filters.count(filterId))));
        measured.add(caseSearch());
        return measured;
    }

    List<Latency> forLoad() {
        List<Latency> measured = forThroughput();
        measured.add(timed("filter count (Java API, admin)", repeats,
                () -> asAdministrator(() -> filters.count(filterId))));
        measured.add(timed("plain query by candidate group, count (member)", repeats,
                () -> asMember(() -> groupTasks().count())));
        measured.add(timed("plain query by candidate group, list 15 (member)", repeats,
                () -> asMember(() -> groupTasks().orderByTaskCreateTime().desc().listPage(0, 15).size())));
        measured.addAll(workbench());
        return measured;
    }

    /**
     * The workbench's reads that staff and leaders keep open (its pages poll the boards), in a signed-in session as
     * the pages make them: the street's open cases by deadline, its 即将超时 and 已超时 views, the street's board and
     * map as its member, and the district board as a supervisor, who sees every street of the database.
     */
    private List<Latency> workbench() {
        String cases = "/api/workbench/cases?open=true&unit=" + street;
        TasklistSession supervisor = TasklistSession.logIn(http, BenchDistrict.SUPERVISOR, BenchDistrict.PASSWORD);
        return List.of(
                workbenchCall("workbench: open cases by deadline, first 20", tasklist, cases + "&sort=deadline",
                        "total"),
                workbenchCall("workbench: 即将超时, first 20", tasklist, cases + "&flags=NEAR_DUE&sort=deadline",
                        "total"),
                workbenchCall("workbench: 已超时, first 20", tasklist, cases + "&flags=OVERDUE&sort=deadline",
                        "total"),
                workbenchCall("workbench: street board", tasklist, "/api/workbench/boards/street", "cases"),
                workbenchCall("workbench: map's open cases", tasklist, "/api/workbench/map/cases", "total"),
                workbenchCall("workbench: district board (supervisor)", supervisor,
                        "/api/workbench/boards/district", "overdue"));
    }

    private Latency workbenchCall(String query, TasklistSession session, String path, String field) {
        return timed(query + " (HTTP, session)", repeats, () -> {
            JsonNode answer = session.get(path).path(field);
            return answer.isArray() ? answer.size() : answer.asLong();
        });
    }

    /** Open tasks of the measured street's group, claimed or not: what its 本街道 filter counts. */
    long streetTasks() {
        return groupTasks().count();
    }

    private Latency timed(String query, int repeats, LongSupplier call) {
        if (abandoned.contains(query)) {
            return Latency.skipped(query);
        }
        Latency latency = Latency.measure(query, repeats, call);
        if (latency.p50Millis() > ABANDON_SECONDS * 1000.0) {
            abandoned.add(query);
        }
        return latency;
    }

    private long filterListAndCount() {
        TaskQuery newestFirst = tasks.createTaskQuery().orderByTaskCreateTime().desc();
        filters.listPage(filterId, newestFirst, 0, 15);
        return filters.count(filterId);
    }

    /** GET /api/cases?street= as the street's member: HTTP Basic, so each call checks the password too. */
    private Latency caseSearch() {
        return timed("GET /api/cases?street= first 20 (HTTP, member)", repeats,
                () -> http.getAs(member, BenchDistrict.PASSWORD, "/api/cases?street=" + street)
                        .path("totalElements").asLong());
    }

    private TaskQuery groupTasks() {
        return tasks.createTaskQuery().taskCandidateGroup(group).includeAssignedTasks();
    }

    private long asMember(LongSupplier query) {
        identity.setAuthentication(member, List.of(group));
        try {
            return query.getAsLong();
        } finally {
            identity.clearAuthentication();
        }
    }

    private long asAdministrator(LongSupplier query) {
        identity.setAuthentication("admin", List.of(CamundaGroups.ADMINISTRATORS));
        try {
            return query.getAsLong();
        } finally {
            identity.clearAuthentication();
        }
    }
}
