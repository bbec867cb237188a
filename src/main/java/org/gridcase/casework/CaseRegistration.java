package org.gridcase.casework;

import static org.gridcase.casework.GridReportVariables.*;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.variable.Variables;
import org.gridcase.cluster.CachedPlansForSteps;
import org.gridcase.registry.CategoryService;
import org.gridcase.registry.CategoryView;
import org.gridcase.registry.GridLocator;
import org.gridcase.registry.GridPlacement;
import org.gridcase.registry.UnitService;
import org.gridcase.registry.Urgency;
import org.gridcase.system.Callers;
import org.gridcase.system.InvalidRequestException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Opens cases. A case is its record and its process instance, created in one transaction: the process's start
 * event is an async boundary, so the caller gets its case number once both are stored, and a report that breaks
 * a rule leaves neither.
 */
@Service
public class CaseRegistration {

    private static final String FALLBACK_PREFIX = "GC";

    /** The start form's fields that the record keeps and the process does not. */
    private static final List<String> REPORT_ONLY = List.of(DESCRIPTION, ADDRESS, LAT, LON, REPORTER_NAME,
            REPORTER_PHONE, CHANNEL, PHOTO_LINKS);

    private final CaseRecordRepository records;
    private final CaseNumbers numbers;
    private final CategoryService categories;
    private final GridLocator locator;
    private final UnitService units;
    private final RuntimeService runtime;
    private final Validator validator;
    private final Callers callers;
    private final ApplicationEventPublisher events;
    private final ReporterMessages reporterMessages;
    private final CaseChanges changes;
    private final CachedPlansForSteps plans;
    private final SecureRandom random = new SecureRandom();

    CaseRegistration(CaseRecordRepository records, CaseNumbers numbers, CategoryService categories,
            GridLocator locator, UnitService units, RuntimeService runtime,
            Validator validator, Callers callers, ApplicationEventPublisher events,
            ReporterMessages reporterMessages, CaseChanges changes, CachedPlansForSteps plans) {
        this.records = records;
        this.numbers = numbers;
        this.categories = categories;
        this.locator = locator;
        this.units = units;
        this.runtime = runtime;
        this.validator = validator;
        this.callers = callers;
        this.events = events;
        this.reporterMessages = reporterMessages;
        this.changes = changes;
        this.plans = plans;
    }

    /** A report from the API: records it and starts its process. */
    @Transactional
    public RegisteredCase open(NewCase report) {
        plans.reuseInThisTransaction();
        CaseRecord record = register(report);
        ProcessInstance instance = runtime.createProcessInstanceByKey(PROCESS_KEY)
                .businessKey(record.caseNumber())
                .setVariables(variables(record.details()))
                .execute();
        record.started(instance.getId());
        return new RegisteredCase(record.caseNumber(), record.trackingToken(), record.status());
    }

    /**
     * A process started without a case, from the Tasklist's start form: records the report its variables hold
     * and makes the instance the case's. Runs inside the starting transaction, so a broken rule stops the start.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    void openFromStartForm(DelegateExecution execution) {
        NewCase report = StartFormReport.from(execution);
        Set<ConstraintViolation<NewCase>> violations = validator.validate(report);
        if (!violations.isEmpty()) {
            throw new InvalidRequestException(violations.iterator().next().getPropertyPath().toString(),
                    violations.stream().map(v -> v.getPropertyPath() + " " + v.getMessage())
                            .sorted().collect(Collectors.joining("；")));
        }
        CaseRecord record = register(report);
        record.started(execution.getProcessInstanceId());
        execution.setProcessBusinessKey(record.caseNumber());
        // the form's report now lives in the record; the case keeps what an API report keeps
        execution.removeVariables(REPORT_ONLY);
        execution.setVariables(variables(record.details()));
    }

    private CaseRecord register(NewCase report) {
        CategoryView category = categories.find(report.category())
                .filter(found -> found.parentCode() != null)
                .orElseThrow(() -> new InvalidRequestException("category", "类别 " + report.category() + " 不存在"));
        Optional<GridPlacement> placement = place(report);
        checkSource(report);
        Urgency urgency = report.urgency() != null ? report.urgency()
                : category.defaultUrgency() != null ? category.defaultUrgency() : Urgency.ROUTINE;
        Instant now = ClockUtil.getCurrentTime().toInstant();
        String caseNumber = numbers.next(prefixFor(placement), now);
        // the member of staff taking the report, through the API or the Tasklist's start form; null for a resident
        String openedBy = callers.current().userId();
        CaseRecord record = records.save(new CaseRecord(caseNumber, newTrackingToken(), report, category.path(),
                urgency, now, openedBy));
        placement.ifPresent(p -> record.place(p.grid().code(), p.community().code(), p.street().code()));
        changes.watch(record, true);
        events.publishEvent(new CaseOpened(caseNumber, report.photoLinks(), openedBy));
        // stored with the case, in its transaction: a report that breaks a rule tells nobody anything
        reporterMessages.received(caseNumber, report.reporterPhone(), category.path(), record.trackingToken(),
                urgency == Urgency.EMERGENCY);
        return record;
    }

    /**
     * A case this registration opened, for a client replaying its Idempotency-Key: only what the first answer
     * said (number, tracking token, status), so it is not a way round CaseQueries' rules on who reads cases.
     */
    @Transactional(readOnly = true)
    public Optional<RegisteredCase> registered(String caseNumber) {
        return records.findByCaseNumber(caseNumber)
                .map(record -> new RegisteredCase(record.caseNumber(), record.trackingToken(), record.status()));
    }

    /**
     * Checks the location and places the case: its street gives the case number's prefix, and the process keeps
     * the placement (Task_LocateGrid) unless a dispatcher names another grid. A point outside every grid, or an
     * Open311 report with an address only, is accepted unplaced and placed by hand there.
     */
    private Optional<GridPlacement> place(NewCase report) {
        if (report.gridCode() != null) {
            return Optional.of(locator.placeGrid(report.gridCode()).orElseThrow(
                    () -> new InvalidRequestException("gridCode", "网格 " + report.gridCode() + " 不存在")));
        }
        if (report.lat() == null && report.lon() == null && report.channel() == Channel.OPEN311) {
            // Open311 lets an app give an address alone (address_string); a dispatcher places it by hand
            return Optional.empty();
        }
        if (report.lat() == null && report.lon() == null) {
            throw new InvalidRequestException("location", "必须提供经纬度（lat、lon）或网格编码（gridCode）");
        }
        if (report.lat() == null || report.lon() == null) {
            throw new InvalidRequestException(report.lat() == null ? "lat" : "lon", "经度和纬度必须同时提供");
        }
        return locator.locate(report.lat(), report.lon());
    }

    /** A QR code names a grid that exists; only the Open311 channel names an app (its module sets it). */
    private void checkSource(NewCase report) {
        String source = report.channelSource();
        if (source == null) {
            return;
        }
        if (source.startsWith("grid:") && locator.placeGrid(source.substring(5)).isEmpty()) {
            throw new InvalidRequestException("channelSource", "网格 " + source.substring(5) + " 不存在");
        }
        if (source.startsWith("app:") != (report.channel() == Channel.OPEN311)) {
            throw new InvalidRequestException("channelSource", "只有 Open311 渠道的诉求注明应用（app:应用编号）");
        }
    }

    private String prefixFor(Optional<GridPlacement> placement) {
        String prefix = placement.map(p -> units.casePrefix(p.street().code())).orElseGet(units::unplacedCasePrefix);
        return prefix != null ? prefix : FALLBACK_PREFIX;
    }

    private String newTrackingToken() {
        byte[] bytes = new byte[18];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /**
     * What the process decides on (triage reads the category and urgency; a grid the reporter named is placed by
     * it). The rest of the report stays in the record, where forms and notices read it (CaseHeader).
     */
    private Map<String, Object> variables(CaseDetails c) {
        Map<String, Object> variables = new LinkedHashMap<>();
        variables.put(CASE_NUMBER, c.caseNumber());
        variables.put(CATEGORY, c.category());
        variables.put(URGENCY, c.urgency().name());
        variables.put(REOPEN_COUNT, 0);
        putIfPresent(variables, GRID_CODE, c.reportedGridCode());
        return variables;
    }

    private static void putIfPresent(Map<String, Object> variables, String name, Object value) {
        if (value != null) {
            variables.put(name, value);
        }
    }
}
