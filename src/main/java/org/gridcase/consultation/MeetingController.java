package org.gridcase.consultation;

import java.time.Instant;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.gridcase.casework.CaseQueries;
import org.gridcase.registry.DepartmentService;
import org.gridcase.registry.DepartmentView;
import org.gridcase.system.NotFoundException;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * A case's consultation meetings, for those who work on the case: the case is found through casework's scoping
 * first (a case out of the caller's scope is answered as if it did not exist), then its meetings are read.
 */
@Tag(name = "工单 · Cases")
@RestController
@RequestMapping("/api/cases/{caseNumber}/meetings")
class MeetingController {

    private final CaseQueries cases;
    private final Meetings meetings;
    private final DepartmentService registry;

    MeetingController(CaseQueries cases, Meetings meetings, DepartmentService registry) {
        this.cases = cases;
        this.meetings = meetings;
        this.registry = registry;
    }

    @Operation(summary = "查看工单的协商议事会 · Read a case's consultation meetings")
    @GetMapping
    @Transactional(readOnly = true)
    List<MeetingView> list(@PathVariable("caseNumber") String caseNumber) {
        cases.find(caseNumber).orElseThrow(() -> new NotFoundException("工单 " + caseNumber + " 不存在"));
        Instant now = ClockUtil.getCurrentTime().toInstant();
        return meetings.findByCaseNumberOrderByConvenedAt(caseNumber).stream().map(m -> view(m, now)).toList();
    }

    private MeetingView view(Meeting m, Instant now) {
        return new MeetingView(m.subject(), m.meetingAt(), m.place(),
                m.invitedParties().stream().map(this::name).toList(), m.residentRepresentatives(), m.attendees(),
                m.minutes(), m.recordedAt(), m.concludedAt(), m.commitments().stream()
                        .map(c -> new MeetingView.CommitmentView(c.seq(), c.partyCode(), c.partyName(), c.task(),
                                c.deadline(), c.state().name(), c.state().label(), c.late(now), c.fulfilmentNote(),
                                c.checkNote(), c.acceptedAt()))
                        .toList());
    }

    private String name(String code) {
        return registry.find(code).map(DepartmentView::name).orElse(code);
    }
}
