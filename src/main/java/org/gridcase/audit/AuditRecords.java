package org.gridcase.audit;

import org.gridcase.casework.CaseDetails;
import org.gridcase.system.NotFoundException;
import org.springframework.stereotype.Component;

/**
 * Where the audit reads a case's records: its compact archive once the case has one, the engine's history before
 * (CaseCompaction moves a closed case from the one to the other). The rest of the audit reads only through here,
 * so it never knows which it is.
 */
@Component
class AuditRecords {

    private final CaseArchive archive;
    private final EngineHistory engine;

    AuditRecords(CaseArchive archive, EngineHistory engine) {
        this.archive = archive;
        this.engine = engine;
    }

    CaseRecords of(CaseDetails c) {
        return archive.read(c.caseNumber()).orElseGet(() -> {
            CaseRecords records = c.processInstanceId() == null ? null : engine.read(c.processInstanceId());
            if (records == null) {
                throw new NotFoundException("工单 " + c.caseNumber() + " 没有流程历史");
            }
            return records;
        });
    }
}
