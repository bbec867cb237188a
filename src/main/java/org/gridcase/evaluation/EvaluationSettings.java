package org.gridcase.evaluation;

import java.time.Instant;

import org.gridcase.system.InvalidRequestException;

/**
 * The department evaluation's settings, data an administrator sets: the composite score's weights (响应率, 解决率,
 * 满意率; default 30 / 35 / 35, as one county publishes) and the minimum number of cases in a month below which a
 * department is listed but not ranked (default 5).
 */
public record EvaluationSettings(int responseWeight, int solvedWeight, int satisfactionWeight, int minimumCases,
        String updatedBy, Instant updatedAt) {

    static final int MAX_WEIGHT = 100;
    static final int MAX_MINIMUM = 10_000;

    /** What an administrator sends. */
    public record Change(Integer responseWeight, Integer solvedWeight, Integer satisfactionWeight,
            Integer minimumCases) {

        void check() {
            weight("responseWeight", responseWeight);
            weight("solvedWeight", solvedWeight);
            weight("satisfactionWeight", satisfactionWeight);
            if (responseWeight + solvedWeight + satisfactionWeight == 0) {
                throw new InvalidRequestException("responseWeight", "三项权重不能都为 0");
            }
            if (minimumCases == null || minimumCases < 0 || minimumCases > MAX_MINIMUM) {
                throw new InvalidRequestException("minimumCases", "最低工单数应为 0 至 " + MAX_MINIMUM + " 的整数");
            }
        }

        private static void weight(String field, Integer value) {
            if (value == null || value < 0 || value > MAX_WEIGHT) {
                throw new InvalidRequestException(field, "权重应为 0 至 " + MAX_WEIGHT + " 的整数");
            }
        }
    }
}
