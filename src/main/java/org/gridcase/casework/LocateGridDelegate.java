package org.gridcase.casework;

import static org.gridcase.casework.GridReportVariables.*;

import java.util.Optional;

import org.camunda.bpm.engine.delegate.BpmnError;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.gridcase.registry.GridLocator;
import org.gridcase.registry.GridPlacement;
import org.springframework.stereotype.Component;

/**
 * Task_LocateGrid: places the case in its grid, community and street: by the grid code when one was given (by
 * the reporter, or by a dispatcher placing it by hand), else by its coordinates. Nowhere to place it is a
 * business outcome, not a failure: BPMN error LOCATION_UNPLACEABLE sends it to a dispatcher.
 */
@Component("locateGridDelegate")
class LocateGridDelegate implements JavaDelegate {

    private final GridLocator locator;
    private final CaseFile cases;

    LocateGridDelegate(GridLocator locator, CaseFile cases) {
        this.locator = locator;
        this.cases = cases;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Object gridCode = execution.getVariable(GRID_CODE);
        CaseHeader report = cases.header(execution.getProcessBusinessKey());
        Double lat = report.lat();
        Double lon = report.lon();
        Optional<GridPlacement> placement = Optional.empty();
        if (gridCode != null && !gridCode.toString().isBlank()) {
            placement = locator.placeGrid(gridCode.toString().trim());
        }
        if (placement.isEmpty() && lat != null && lon != null) {
            placement = locator.locate(lat, lon);
        }
        GridPlacement place = placement.orElseThrow(() -> new BpmnError(LOCATION_UNPLACEABLE,
                "无法定位网格：网格编码 " + gridCode + "，经纬度 " + lat + ", " + lon));
        execution.setVariable(GRID_CODE, place.grid().code());
        execution.setVariable(COMMUNITY_CODE, place.community().code());
        execution.setVariable(STREET_CODE, place.street().code());
        cases.of(execution.getProcessBusinessKey())
                .place(place.grid().code(), place.community().code(), place.street().code());
    }
}
