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
 * the reporter, or by a dispatcher placing it by hand), else by its coordinates. Registration has mostly placed
 * it already (CaseRegistration): then that placement stands. Nowhere to place it is a
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
        CaseRecord record = cases.of(execution.getProcessBusinessKey());
        if (placedAsAsked(record, gridCode)) {
            // registration placed it a moment ago, by the same grid code or point: the registry need not be asked again
            execution.setVariable(GRID_CODE, record.gridCode());
            execution.setVariable(COMMUNITY_CODE, record.communityCode());
            execution.setVariable(STREET_CODE, record.streetCode());
            return;
        }
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
        record.place(place.grid().code(), place.community().code(), place.street().code());
    }

    /** Placed already, and nobody (a dispatcher placing it by hand) asks for another grid. */
    private static boolean placedAsAsked(CaseRecord record, Object gridCode) {
        boolean asked = gridCode != null && !gridCode.toString().isBlank();
        return record.gridCode() != null && (!asked || gridCode.toString().trim().equals(record.gridCode()));
    }
}
