package org.gridcase.workbench;

import org.gridcase.casework.CaseDetails;
import org.gridcase.casework.CaseQueries;
import org.gridcase.registry.UnitService;
import org.gridcase.registry.UnitView;
import org.gridcase.system.NotFoundException;
import org.springframework.stereotype.Service;

/**
 * Builds a case's page. The case comes from CaseQueries.lookUp: those who work on the case, and the hotline for
 * any case (to answer a caller); anyone else gets 404, as for a number that does not exist.
 */
@Service
class CasePages {

    private final CaseQueries cases;
    private final Names names;
    private final UnitService units;

    CasePages(CaseQueries cases, Names names, UnitService units) {
        this.cases = cases;
        this.names = names;
        this.units = units;
    }

    CasePage page(String caseNumber) {
        CaseDetails c = cases.lookUp(caseNumber)
                .orElseThrow(() -> new NotFoundException("工单 " + caseNumber + " 不存在"));
        Names.Lookup n = names.lookup();
        return new CasePage(c.caseNumber(), c.status().name(), c.statusLabel(), c.categoryName(),
                c.urgency().name(), c.urgency().label(), c.channel() == null ? null : c.channel().label(),
                c.description(), c.address(), c.lat(), c.lon(), c.photoLinks(), c.reporterName(), c.reporterPhone(),
                c.gridCode(), n.unit(c.gridCode()), boundary(c.gridCode()), n.unit(c.communityCode()),
                n.unit(c.streetCode()), n.person(c.openedBy()), c.receivedAt(), c.closedAt(),
                n.department(c.leadDepartment()));
    }

    private String boundary(String gridCode) {
        if (gridCode == null) {
            return null;
        }
        try {
            UnitView grid = units.get(gridCode);
            return grid.boundary();
        } catch (NotFoundException unknown) {
            return null;
        }
    }
}
