package org.gridcase.evaluation;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * A department in one role (lead or assisting) for one month: its counts, the three rates with their samples,
 * its composite score, and whether and where it is ranked. {@code cases}: the cases it was summoned to in that
 * role in the month (the minimum sample counts these); the response rate counts its summonses of the month, the
 * solved and satisfaction rates the cases it led (or assisted) that closed in the month. {@code warnings},
 * {@code escalations}, {@code redCards}: the escalation ladder's rungs aimed at this department on those
 * {@code cases} (whenever they happened), and each per 100 of the cases.
 */
public record DepartmentRow(String departmentCode, String departmentName, boolean lead, int cases, int summons,
        int onTime, int settled, Double responseRate, int answered, int resolved, int partially, Double solvedRate,
        int rated, int satisfied, int unrated, Double satisfactionRate, Double score, boolean ranked, Integer place,
        int warnings, int escalations, int redCards, Double warningsPer100, Double escalationsPer100,
        Double redCardsPer100) {

    /** The rates from the counts and the score under these weights; not yet ranked. */
    static DepartmentRow of(String code, String name, boolean lead, int cases, int summons, int onTime, int settled,
            int answered, int resolved, int partially, int rated, int satisfied, int unrated,
            EvaluationSettings weights) {
        Double response = rate(onTime, settled);
        Double solved = rate(resolved, answered);
        Double satisfaction = rate(satisfied, rated);
        double weighted = 0;
        int weightSum = 0;
        if (response != null) {
            weighted += weights.responseWeight() * response;
            weightSum += weights.responseWeight();
        }
        if (solved != null) {
            weighted += weights.solvedWeight() * solved;
            weightSum += weights.solvedWeight();
        }
        if (satisfaction != null) {
            weighted += weights.satisfactionWeight() * satisfaction;
            weightSum += weights.satisfactionWeight();
        }
        // a rate without a sample is left out and the others' weights count in proportion, never scored as zero
        Double score = weightSum == 0 ? null : round(weighted / weightSum);
        return new DepartmentRow(code, name, lead, cases, summons, onTime, settled, response, answered, resolved,
                partially, solved, rated, satisfied, unrated, satisfaction, score, false, null, 0, 0, 0,
                per100(0, cases), per100(0, cases), per100(0, cases));
    }

    /** With the ladder's rungs aimed at the department on its cases: they do not enter the score. */
    DepartmentRow ladder(int warnings, int escalations, int redCards) {
        return new DepartmentRow(departmentCode, departmentName, lead, cases, summons, onTime, settled, responseRate,
                answered, resolved, partially, solvedRate, rated, satisfied, unrated, satisfactionRate, score, ranked,
                place, warnings, escalations, redCards, per100(warnings, cases), per100(escalations, cases),
                per100(redCards, cases));
    }

    DepartmentRow placed(boolean ranked, Integer place) {
        return new DepartmentRow(departmentCode, departmentName, lead, cases, summons, onTime, settled, responseRate,
                answered, resolved, partially, solvedRate, rated, satisfied, unrated, satisfactionRate, score, ranked,
                place, warnings, escalations, redCards, warningsPer100, escalationsPer100, redCardsPer100);
    }

    DepartmentRow named(String name) {
        return new DepartmentRow(departmentCode, name, lead, cases, summons, onTime, settled, responseRate, answered,
                resolved, partially, solvedRate, rated, satisfied, unrated, satisfactionRate, score, ranked, place,
                warnings, escalations, redCards, warningsPer100, escalationsPer100, redCardsPer100);
    }

    private static Double per100(int count, int cases) {
        return rate(count, cases);
    }

    private static Double rate(int numerator, int denominator) {
        return denominator == 0 ? null : round(100.0 * numerator / denominator);
    }

    private static double round(double value) {
        return BigDecimal.valueOf(value).setScale(2, RoundingMode.HALF_UP).doubleValue();
    }
}
