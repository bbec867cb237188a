package org.gridcase.audit;

import java.time.LocalDate;
import java.util.List;

/** The integrity check over the cases received in a period: how many were checked, and those that failed. */
record PeriodIntegrity(LocalDate from, LocalDate to, int checked, int intact, List<IntegrityReport> broken) {
}
