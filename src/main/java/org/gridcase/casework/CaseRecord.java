package org.gridcase.casework;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;
import java.util.stream.Stream;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.hibernate.annotations.NaturalId;
import org.gridcase.registry.Urgency;

/** A reported problem and where it stands. Changed only by the process, through the methods below. */
@Entity
@Table(name = "case_record")
class CaseRecord {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    // the business key the process and every delegate look the record up by: Hibernate finds a record it already
    // loaded in the transaction by it without asking the database again (CaseFile.of)
    @NaturalId
    private String caseNumber;
    private String trackingToken;
    private String processInstanceId;

    private String category;
    private String categoryName;
    @Enumerated(EnumType.STRING)
    private Urgency urgency;
    private String description;
    private String address;
    private Double lat;
    private Double lon;
    private String reportedGridCode;
    private String gridCode;
    private String communityCode;
    private String streetCode;
    private String reporterName;
    private String reporterPhone;
    @Enumerated(EnumType.STRING)
    private Channel channel;
    private String channelSource;
    private String photoLinks;
    private String openedBy;

    @Enumerated(EnumType.STRING)
    private CaseStatus status;
    private String track;
    private String leadDepartment;
    private Instant handlingDue;
    // the street's whistle or the dispatchers' placement by hand: the limit of the one the case waits for
    private Instant dispatchDue;
    // the earliest due date of the open steps whose limit is their own, not a check-in's or the handling's: the return
    // visit, a mediation session, a meeting's commitments (StepDueListener); null while there is none
    private Instant stepDue;
    // the deadline the case waits on (refreshNextDue), a column so that the lists sort by it without working it out
    private Instant nextDue;
    private String handlingOutcome;
    private String handlingResult;
    private String resolution;
    private String satisfaction;
    // REPORTER or COMMUNITY: statistics tell the reporter's own rating from the community's call
    private String ratedBy;
    private String ratingComment;
    private int reopenCount;
    private int returnCount;
    private int extensionCount;
    // 督办: supervision tasks opened for the case, overdue or by hand (the evaluation's 督办率 reads it)
    private int supervisionCount;
    private Instant receivedAt;
    private Instant closedAt;

    @OneToMany(cascade = CascadeType.ALL, orphanRemoval = true)
    @JoinColumn(name = "case_id", nullable = false, updatable = false)
    @OrderBy("id")
    private List<CaseStage> stages = new ArrayList<>();

    @OneToMany(cascade = CascadeType.ALL, orphanRemoval = true)
    @JoinColumn(name = "case_id", nullable = false, updatable = false)
    @OrderBy("id")
    private List<SummonedDepartment> departments = new ArrayList<>();

    @OneToMany(cascade = CascadeType.ALL, orphanRemoval = true)
    @JoinColumn(name = "case_id", nullable = false, updatable = false)
    @OrderBy("id")
    private List<CaseEscalation> escalations = new ArrayList<>();

    @Version
    private long version;

    // changed since loaded in this transaction: CaseChanges announces only a record some step changed (a form that
    // merely reads the case announces nothing, and loads none of its collections for a comparison)
    @jakarta.persistence.Transient
    private boolean touched;

    protected CaseRecord() {
    }

    CaseRecord(String caseNumber, String trackingToken, NewCase report, String categoryName, Urgency urgency,
            Instant receivedAt, String openedBy) {
        this.caseNumber = caseNumber;
        this.trackingToken = trackingToken;
        this.category = report.category();
        this.categoryName = categoryName;
        this.urgency = urgency;
        this.description = report.description();
        this.address = report.address();
        this.lat = report.lat();
        this.lon = report.lon();
        this.reportedGridCode = report.gridCode();
        this.reporterName = report.reporterName();
        this.reporterPhone = report.reporterPhone();
        this.channel = report.channel();
        this.channelSource = report.channelSource();
        this.photoLinks = report.photoLinks().isEmpty() ? null : String.join("\n", report.photoLinks());
        this.receivedAt = receivedAt;
        this.openedBy = openedBy;
        enterStage(CaseStatus.RECEIVED, receivedAt);
    }

    void started(String processInstanceId) {
        touched = true;
        this.processInstanceId = processInstanceId;
    }

    /** Records a stage once: a multi-instance activity enters the same stage once per instance. */
    void enterStage(CaseStatus next, Instant at) {
        touched = true;
        if (next == status) {
            return;
        }
        if (next == CaseStatus.WHISTLED && "RETURNED".equals(handlingOutcome)) {
            returnCount++;
        }
        status = next;
        stages.add(new CaseStage(next, at));
        if (next == CaseStatus.CLOSED) {
            closedAt = at;
        }
        refreshNextDue();
    }

    void place(String gridCode, String communityCode, String streetCode) {
        touched = true;
        this.gridCode = gridCode;
        this.communityCode = communityCode;
        this.streetCode = streetCode;
    }

    /** Copies the process's facts that the record keeps (read at every stage, so it never lags a stage). */
    void follow(ProcessFacts facts) {
        touched = true;
        this.track = facts.track();
        this.leadDepartment = facts.leadDepartment();
        this.handlingDue = facts.handlingDue();
        this.handlingOutcome = facts.handlingOutcome();
        this.handlingResult = facts.handlingResult();
        this.resolution = facts.resolution();
        this.satisfaction = facts.satisfaction();
        this.ratedBy = facts.ratedBy();
        this.ratingComment = facts.ratingComment();
        this.reopenCount = facts.reopenCount();
        refreshNextDue();
    }

    void summon(String department, boolean lead, Instant at, Instant checkInDue) {
        touched = true;
        departments.add(new SummonedDepartment(department, lead, at, checkInDue));
        refreshNextDue();
    }

    void checkIn(String department, Instant at, String by, String note) {
        touched = true;
        // the kept deadline stays: concurrent check-ins must change only their own summonses (ConcurrentCheckInTests)
        latestSummons(department).checkIn(at, by, note);
    }

    void lateCheckIn(String department, Instant at) {
        touched = true;
        latestSummons(department).markLate(at);
    }

    void escalate(LadderStage stage, LadderRung rung, String department, String notifiedGroup, Instant at) {
        touched = true;
        escalations.add(new CaseEscalation(stage, rung, department, notifiedGroup, at));
    }

    void extendHandling(Instant newDue) {
        touched = true;
        this.handlingDue = newDue;
        this.extensionCount++;
        refreshNextDue();
    }

    /**
     * The case waits for the street's whistle, a placement by hand or the grid's response on the spot, due then
     * (EscalationLadder.dmn).
     */
    void awaitDispatch(Instant due) {
        touched = true;
        this.dispatchDue = due;
        refreshNextDue();
    }

    /** The earliest due date of the open steps with a limit of their own, or null. */
    Instant stepDue() {
        return stepDue;
    }

    /** Steps with a limit of their own (StepDueListener) are open, the earliest until {@code due}, or none ({@code null}). */
    void awaitStep(Instant due) {
        if (Objects.equals(due, stepDue)) {
            return;
        }
        touched = true;
        this.stepDue = due;
        refreshNextDue();
    }

    /** The holiday table changed: the same limit, counted again, ends elsewhere. */
    void recountHandlingDue(Instant newDue) {
        touched = true;
        this.handlingDue = newDue;
        refreshNextDue();
    }

    /**
     * The deadline the case waits on, which the workbench's lists sort by and show: the whistle's, the placement's or
     * the grid's response limit while it waits for one (CaseStatus.AWAITING_DISPATCH); else the earliest of the
     * check-ins still outstanding and the due dates of open steps with a limit of their own (the return visit, a
     * mediation session, a meeting's commitments); else the handling deadline while the lead handles it (CaseStatus.UNDER_HANDLING); else
     * none (the reporter's rating window, a mediation between sessions, a closed case). Counted again when the
     * status, a limit, an open step or the summonses change, not when a department checks in: two departments
     * checking in at once must not meet on the record's version. A round's departments are summoned together under
     * one limit, so while they check in it stays at the round's earliest due, within a second of each one's. The
     * summonses are read only when the case may be waiting on one, so that a step that never touches them loads none.
     */
    private void refreshNextDue() {
        nextDue = nextDue(status, dispatchDue, handlingDue, stepDue, () -> departments.stream()
                .filter(d -> !d.checkedIn()).map(SummonedDepartment::checkInDue));
    }

    /**
     * The deadline a case in {@code status} waits on; {@code stepDue} an open step's own (or null), {@code
     * outstanding} the check-in dues not yet met.
     */
    static Instant nextDue(CaseStatus status, Instant dispatchDue, Instant handlingDue, Instant stepDue,
            Supplier<Stream<Instant>> outstanding) {
        if (status == CaseStatus.CLOSED) {
            return null;
        }
        if (CaseStatus.AWAITING_DISPATCH.contains(status)) {
            return dispatchDue;
        }
        return Stream.concat(outstanding.get(), Stream.of(stepDue)).filter(Objects::nonNull)
                .min(Instant::compareTo).orElse(CaseStatus.UNDER_HANDLING.contains(status) ? handlingDue : null);
    }

    void supervised() {
        touched = true;
        this.supervisionCount++;
    }

    boolean touched() {
        return touched;
    }

    boolean extended() {
        return extensionCount > 0;
    }

    void reopened(int reopenCount) {
        touched = true;
        this.reopenCount = reopenCount;
    }

    /** A department summoned again after a return has a new summons; check-ins belong to the newest. */
    private SummonedDepartment latestSummons(String department) {
        for (int i = departments.size() - 1; i >= 0; i--) {
            if (departments.get(i).departmentCode().equals(department)) {
                return departments.get(i);
            }
        }
        throw new IllegalStateException("Department " + department + " was not summoned to case " + caseNumber);
    }

    String caseNumber() {
        return caseNumber;
    }

    String trackingToken() {
        return trackingToken;
    }

    String gridCode() {
        return gridCode;
    }

    String streetCode() {
        return streetCode;
    }

    String processInstanceId() {
        return processInstanceId;
    }

    String communityCode() {
        return communityCode;
    }

    String reporterPhone() {
        return reporterPhone;
    }

    String openedBy() {
        return openedBy;
    }

    CaseStatus status() {
        return status;
    }

    /** The report and its place as forms and notices show them; {@code unitName} names a unit by its code. */
    CaseHeader header(java.util.function.UnaryOperator<String> unitName) {
        return new CaseHeader(caseNumber, categoryName, urgency.label(), channel == null ? null : channel.label(),
                description, address, reporterName, reporterPhone, lat, lon, unitName.apply(gridCode),
                unitName.apply(communityCode), unitName.apply(streetCode), photoLinks);
    }

    /** Everything, the reporter's phone included: for the process's own use (its variables, its messages). */
    CaseDetails details() {
        return details(reporterPhone);
    }

    /** Everything, with the reporter's phone as this reader may see it (CaseAccess decides). */
    CaseDetails details(String shownPhone) {
        return new CaseDetails(caseNumber, status, status.label(), category, categoryName, urgency, description,
                address, lat, lon, reportedGridCode, gridCode, communityCode, streetCode, reporterName, shownPhone,
                channel, channelSource, openedBy,
                List.of(photoLinks == null ? new String[0] : photoLinks.split("\n")), track, leadDepartment,
                handlingDue, handlingOutcome, handlingResult, resolution, satisfaction, ratedBy, reopenCount,
                returnCount, extensionCount, receivedAt, closedAt, processInstanceId,
                stages.stream().map(s -> new CaseDetails.Stage(s.status(), s.status().label(), s.enteredAt())).toList(),
                departments.stream().map(SummonedDepartment::view).toList(),
                escalations.stream().map(CaseEscalation::view).toList(), supervisionCount, dispatchDue, stepDue);
    }
}
