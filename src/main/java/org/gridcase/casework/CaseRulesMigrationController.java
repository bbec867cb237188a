package org.gridcase.casework;

import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/** For administrators, after a designer deployed new rules: move the running cases onto them. */
@RestController
class CaseRulesMigrationController {

    private final CaseRulesMigration migration;

    CaseRulesMigrationController(CaseRulesMigration migration) {
        this.migration = migration;
    }

    @PostMapping("/api/admin/process-migrations/GridReportProcess")
    CaseRulesMigration.Result migrate() {
        return migration.migrateRunningCases();
    }
}
