package org.gridcase.casework;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/** For administrators, after a designer deployed new rules: move the running cases onto them. */
@Tag(name = "管理 · Administration", description = "Administrators' operations")
@RestController
class CaseRulesMigrationController {

    private final CaseRulesMigration migration;

    CaseRulesMigrationController(CaseRulesMigration migration) {
        this.migration = migration;
    }

    @Operation(summary = "将在办工单迁移到最新流程规则（管理员） · Move running cases to the newest process rules (administrators)")
    @PostMapping("/api/admin/process-migrations/GridReportProcess")
    CaseRulesMigration.Result migrate() {
        return migration.migrateRunningCases();
    }
}
