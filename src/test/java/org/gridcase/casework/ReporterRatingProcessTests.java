package org.gridcase.casework;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import java.time.OffsetDateTime;
import java.util.Date;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.gridcase.registry.Urgency;
import org.gridcase.system.ConflictException;
import org.gridcase.system.NotFoundException;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * GridReportProcess.bpmn, the return visit's first half: after the feedback the reporter may rate the round with
 * the tracking token (Event_ReporterRated) until the rating window ends (Event_RatingTimeElapsed), and then the
 * community calls (Task_ReturnVisit).
 */
class ReporterRatingProcessTests extends ProcessTestSupport {

    @Autowired
    ReporterRatings ratings;

    @Autowired
    CaseQueries cases;

    @Autowired
    CaseRecordRepository records;

    ReporterRatingProcessTests() {
        super("990611", 33.5, 103.5, THURSDAY_TEN);
    }

    @Test
    void closesACaseTheReporterRatesSatisfiedAndNobodyCalls() {
        // given: handled on receipt, the reporter told
        ProcessInstance instance = report("PROPERTY.STAIRWELL_LIGHT", Urgency.ROUTINE);
        complete(task(), withVariables("handledOnTheSpot", true, "onTheSpotNote", "已更换灯泡。"));
        execute(job("Task_NotifyReporter"));
        assertThat(instance).isWaitingAt("Gateway_RatingOrCall"); // for the rating or the end of its window
        assertThat(ratings.canRate(record(instance))).isTrue();

        // when
        CaseDetails rated = ratings.rate(instance.getBusinessKey(), token(instance), "RESOLVED", "SATISFIED",
                "  灯亮了，谢谢  ");

        // then: closed as after the community's visit, with no call ever opened
        assertThat(instance).isEnded().hasPassedInOrder("Task_NotifyReporter", "Event_ReporterRated",
                "EndEvent_CaseClosed");
        assertThat(instance).hasNotPassed("Task_ReturnVisit", "Event_RatingTimeElapsed");
        assertThat(management.createJobQuery().processInstanceId(instance.getId()).count()).isZero();
        assertThat(rated.status()).isEqualTo(CaseStatus.CLOSED);
        assertThat(rated.ratedBy()).isEqualTo("REPORTER");
        assertThat(rated.satisfaction()).isEqualTo("SATISFIED");
        assertThat(rated.stages()).extracting(CaseDetails.Stage::status).containsExactly(CaseStatus.RECEIVED,
                CaseStatus.ON_THE_SPOT, CaseStatus.FEEDBACK, CaseStatus.RETURN_VISIT, CaseStatus.CLOSED);
        assertThat(records.findByCaseNumber(instance.getBusinessKey()).orElseThrow())
                .extracting("ratingComment").isEqualTo("灯亮了，谢谢");
        assertThat(ratings.canRate(rated)).isFalse();
        assertThatThrownBy(() -> rate(instance, "RESOLVED", "SATISFIED"))
                .isInstanceOf(ConflictException.class).hasMessage("已完成回访");
    }

    @Test
    void waitsThreeWorkingDaysForARatingAndThenTheCommunityCalls() {
        // given: the reporter told on Thursday at 10:00
        ProcessInstance instance = handlingBusBlocking();
        feedBack();

        // then: the window ends three working days later, on Tuesday at 10:00 (ratingLimit from ReportTriage.dmn)
        Date due = Date.from(OffsetDateTime.parse("2025-10-21T10:00:00+08:00").toInstant());
        Job timer = job("Event_RatingTimeElapsed");
        assertThat(timer.getDuedate()).isEqualTo(due);
        ClockUtil.setCurrentTime(new Date(due.getTime() - 60_000));
        assertThat(management.createJobQuery().jobId(timer.getId()).executable().count()).isZero();
        ClockUtil.setCurrentTime(due);
        assertThat(management.createJobQuery().jobId(timer.getId()).executable().count()).isEqualTo(1);

        // when: nobody rated in time
        execute(timer);

        // then: the community calls, and a late rating is refused
        assertThat(instance).isWaitingAt("Task_ReturnVisit");
        assertThat(task()).hasCandidateGroup("community-" + d.community());
        assertThat(record(instance).status()).isEqualTo(CaseStatus.RETURN_VISIT);
        assertThatThrownBy(() -> rate(instance, "RESOLVED", "SATISFIED"))
                .isInstanceOf(ConflictException.class).hasMessage("评价时限已过，社区将电话回访");

        // when: the community calls
        complete(task(), withVariables("resolution", "RESOLVED", "satisfaction", "BASICALLY_SATISFIED"));

        // then: the community's rating, and the reporter's comes too late
        assertThat(instance).isEnded().hasPassed("EndEvent_CaseClosed").hasNotPassed("Event_ReporterRated");
        assertThat(record(instance).ratedBy()).isEqualTo("COMMUNITY");
        assertThatThrownBy(() -> rate(instance, "RESOLVED", "SATISFIED"))
                .isInstanceOf(ConflictException.class).hasMessage("已完成回访");
    }

    @Test
    void reopensACaseTheReporterFindsUnresolvedAndLetsTheNextRoundBeRatedAgain() {
        // given
        ProcessInstance instance = handlingBusBlocking();
        feedBack();

        // when
        CaseDetails rated = ratings.rate(instance.getBusinessKey(), token(instance), "UNRESOLVED", "UNSATISFIED",
                "公交仍堵在门口");

        // then: reopened as the community's visit would, the rating window gone
        assertThat(instance).hasPassed("Event_ReporterRated", "Task_ReopenCase").isWaitingAt("Task_HandleOnSite");
        assertThat(management.createJobQuery().processInstanceId(instance.getId())
                .activityId("Event_RatingTimeElapsed").count()).isZero();
        assertThat(rated.status()).isEqualTo(CaseStatus.HANDLING);
        assertThat(rated.reopenCount()).isEqualTo(1);
        assertThat(rated.ratedBy()).isEqualTo("REPORTER");
        assertThatThrownBy(() -> rate(instance, "RESOLVED", "SATISFIED"))
                .isInstanceOf(ConflictException.class).hasMessage("已完成回访");

        // when: the second round is fed back and rated
        feedBack();
        assertThat(ratings.canRate(record(instance))).isTrue();
        rate(instance, "RESOLVED", "BASICALLY_SATISFIED");

        // then
        assertThat(instance).isEnded().hasPassed("EndEvent_CaseClosed").hasNotPassed("Task_ReturnVisit");
        assertThat(record(instance).satisfaction()).isEqualTo("BASICALLY_SATISFIED");
        assertThat(record(instance).stages()).extracting(CaseDetails.Stage::status).containsSubsequence(
                CaseStatus.FEEDBACK, CaseStatus.RETURN_VISIT, CaseStatus.REOPENED, CaseStatus.HANDLING,
                CaseStatus.FEEDBACK, CaseStatus.RETURN_VISIT, CaseStatus.CLOSED);
    }

    @Test
    void sendsTheThirdDissatisfiedRatingToTheSupervisors() {
        // given: two rounds reopened by the reporter's ratings
        ProcessInstance instance = handlingBusBlocking();
        for (int round = 1; round <= 2; round++) {
            feedBack();
            rate(instance, "PARTIALLY", "UNSATISFIED");
        }
        feedBack();

        // when
        rate(instance, "UNRESOLVED", "UNSATISFIED");

        // then: the reopen limit holds for the reporter's ratings too
        assertThat(instance).isWaitingAt("Task_ReviewUnresolvedCase");
        assertThat(record(instance).reopenCount()).isEqualTo(2);
        assertThat(record(instance).status()).isEqualTo(CaseStatus.RETURN_VISIT);
    }

    @Test
    void answersARatingThatLosesTheRaceWithTheTimerWithAConflict() throws Exception {
        for (int attempt = 0; attempt < 10; attempt++) { // the race hits the engine at different moments
            // given: the window ends while the reporter sends her rating
            ProcessInstance instance = handlingBusBlocking();
            feedBack();
            String timer = job("Event_RatingTimeElapsed").getId();
            CountDownLatch start = new CountDownLatch(1);
            ExecutorService pool = Executors.newFixedThreadPool(2);
            try {
                Future<Object> rating = pool.submit(() -> {
                    start.await();
                    try {
                        return rate(instance, "RESOLVED", "SATISFIED");
                    } catch (ConflictException refused) {
                        return refused;
                    }
                });
                Future<Object> firing = pool.submit(() -> {
                    start.await();
                    try {
                        management.executeJob(timer);
                        return "fired";
                    } catch (RuntimeException lost) { // the job executor drops a job whose case moved on
                        return lost;
                    }
                });

                // when
                start.countDown();
                Object rated = rating.get(60, TimeUnit.SECONDS);
                firing.get(60, TimeUnit.SECONDS);

                // then: exactly one wins, and the reporter who lost hears 409, never a 500
                if (rated instanceof CaseDetails closed) {
                    assertThat(closed.status()).isEqualTo(CaseStatus.CLOSED);
                    assertThat(instance).isEnded().hasNotPassed("Task_ReturnVisit");
                } else {
                    assertThat(rated).isInstanceOf(ConflictException.class);
                    assertThat(instance).isWaitingAt("Task_ReturnVisit").hasNotPassed("Event_ReporterRated");
                }
            } finally {
                pool.shutdownNow();
            }
        }
    }

    @Test
    void refusesARatingBeforeTheFeedbackAndHidesTheCaseFromAWrongToken() {
        // given
        ProcessInstance instance = handlingBusBlocking();

        // then
        assertThat(ratings.canRate(record(instance))).isFalse();
        assertThatThrownBy(() -> rate(instance, "RESOLVED", "SATISFIED"))
                .isInstanceOf(ConflictException.class).hasMessage("尚未到评价环节");
        assertThatThrownBy(() -> ratings.rate(instance.getBusinessKey(), token(instance) + "x", "RESOLVED",
                "SATISFIED", null)).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> ratings.rate(instance.getBusinessKey(), null, "RESOLVED", "SATISFIED", null))
                .isInstanceOf(NotFoundException.class);
        assertThat(instance).isWaitingAt("Task_HandleOnSite");
    }

    private CaseDetails rate(ProcessInstance instance, String resolution, String satisfaction) {
        return ratings.rate(instance.getBusinessKey(), token(instance), resolution, satisfaction, "评价");
    }

    private ProcessInstance handlingBusBlocking() {
        ProcessInstance instance = report("TRAFFIC.BUS_BLOCKING", Urgency.URGENT);
        whistle(List.of("jiaojing", "gongjiao"), "jiaojing");
        checkIn(instance, "jiaojing", "gongjiao");
        assertThat(instance).isWaitingAt("Task_HandleOnSite");
        return instance;
    }

    private String token(ProcessInstance instance) {
        return records.findByCaseNumber(instance.getBusinessKey()).orElseThrow().trackingToken();
    }

    private CaseDetails record(ProcessInstance instance) {
        return asAuditor(() -> cases.find(instance.getBusinessKey())).orElseThrow();
    }
}
