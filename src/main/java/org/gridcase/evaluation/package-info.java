/**
 * Evaluation (考核评价): the figures a district is judged by, honestly. Facts kept per case and per summons as the
 * process moves (fed by casework's {@code CaseRecorded}, in the same transaction), the measures each defined once
 * ({@link org.gridcase.evaluation.Measure}), computed per period and per unit, department, category and channel
 * with their sample sizes, scoped like the workbench, and the monthly department evaluation (协调响应评价) with its
 * frozen months.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Evaluation")
package org.gridcase.evaluation;
