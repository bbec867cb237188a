package org.gridcase.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.spring.boot.starter.event.PublishDelegateParseListener;
import org.camunda.bpm.spring.boot.starter.event.PublishHistoryEventHandler;
import org.gridcase.PostgresTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Nothing of gridcase listens to the engine's events as Spring events, so the engine does not publish them. */
@PostgresTest
class EngineEventingTests {

    @Autowired
    ProcessEngineConfigurationImpl engine;

    @Test
    void theEnginePublishesNoTaskExecutionOrHistoryEvents() {
        List<Object> parseListeners = new ArrayList<>();
        if (engine.getCustomPreBPMNParseListeners() != null) {
            parseListeners.addAll(engine.getCustomPreBPMNParseListeners());
        }
        if (engine.getCustomPostBPMNParseListeners() != null) {
            parseListeners.addAll(engine.getCustomPostBPMNParseListeners());
        }
        assertThat(parseListeners).noneMatch(PublishDelegateParseListener.class::isInstance);
        assertThat(engine.getCustomHistoryEventHandlers()).noneMatch(PublishHistoryEventHandler.class::isInstance);
    }
}
