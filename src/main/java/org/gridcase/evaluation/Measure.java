package org.gridcase.evaluation;

/**
 * Every measure, defined once: its Chinese name, the definition shown beside the number (and in the README), and
 * how it is counted over the facts. A rate is {@code numerator / denominator} in per cent; a count is its
 * numerator over the period; "per 100" is {@code 100 × numerator / denominator}; the check-in times are minutes
 * of working time. Every figure is returned with its numerator and denominator, its sample.
 *
 * <p>The period a case counts in: received (受理) for what is asked of the case from the start, closed (办结) for
 * what is known only at its end (on time, solved, satisfied, reopened), the handling limit's end for the 数字城管
 * on-time rate (cases due in the period, closed or not), summoned for check-ins. The SQL below is
 * fixed text over the fact tables ({@code f} = case_fact, {@code c} = checkin_fact, {@code m} = mediation_fact);
 * nothing a request sends
 * becomes part of it.
 */
public enum Measure {

    RECEIVED("受理量", Kind.COUNT, Anchor.RECEIVED, "期间内受理的工单数（按受理时间计）。", "1=1", null, "1"),
    CLOSED("办结量", Kind.COUNT, Anchor.CLOSED, "期间内办结的工单数：流程结束即为办结，不论结果如何（按办结时间计）。",
            "1=1", null, "1"),
    CLOSURE_RATE("办结率", Kind.RATE, Anchor.RECEIVED,
            "办结率 = 期间内受理的工单中已办结的 ÷ 期间内受理的工单。办结指流程结束，不论结果如何（未解决而结束的也算办结）。",
            "f.closed_at IS NOT NULL", "1=1", "1"),
    ON_TIME_RATE("按期办结率", Kind.RATE, Anchor.CLOSED,
            "按期办结率 = 期间内办结且在办理时限内办结的 ÷ 期间内办结的。部门办理的工单：每一轮办理都未超过时限（未因超时督办），"
                    + "且最后一轮在当时的时限内办完；经批准的延期以延长后的时限为准。即接即办的工单：网格未超过即办时限。"
                    + "回访及诉求人评价的等待时间不计入部门时限。",
            "f.on_time", "1=1", "1"),
    DUE_ON_TIME_RATE("按期结案率（数字城管口径）", Kind.RATE, Anchor.DUE,
            "按期结案率 = 办理时限在期间内到期的工单中按期办结的 ÷ 办理时限在期间内到期的工单（应结案数，含到期未办结的）。"
                    + "口径同数字城管运行通报；时限以经批准延期后的为准；只计派给部门办理的工单（即接即办的工单没有办理时限）。",
            "(f.closed_at IS NOT NULL AND f.on_time)", "1=1", "1"),
    RESPONSE_RATE("响应率", Kind.RATE, Anchor.SUMMONED,
            "响应率 = 按时报到的召集 ÷ 已有结果的召集（已报到或已超过报到时限）。每次召集一个部门算一次（退单后重新吹哨为新的召集）；"
                    + "尚在时限内未报到的召集不计入分母。",
            "c.on_time", "(c.late OR c.checked_in_at IS NOT NULL)", "1"),
    CHECK_IN_MINUTES_AVERAGE("平均报到用时", Kind.MINUTES_AVERAGE, Anchor.SUMMONED,
            "已报到的召集从召集到报到的平均用时，按工作时间计（工作日的办公时间，节假日及调休按日历表），单位分钟。",
            "c.checked_in_at IS NOT NULL", null, "c.working_minutes"),
    CHECK_IN_MINUTES_P90("报到用时P90", Kind.MINUTES_P90, Anchor.SUMMONED,
            "已报到的召集中 90% 在此工作时间内报到（第 90 百分位，连续插值），单位分钟。",
            "c.checked_in_at IS NOT NULL", null, "c.working_minutes"),
    SOLVED_RATE("解决率", Kind.RATE, Anchor.CLOSED,
            "解决率 = 期间内办结工单中最后一次回访答“解决”的 ÷ 回访有答复（解决、部分解决、未解决）的。"
                    + "“部分解决”不算解决，另列部分解决率。",
            "f.resolution = 'RESOLVED'", "f.resolution IN ('RESOLVED', 'PARTIALLY', 'UNRESOLVED')", "1"),
    PARTIALLY_SOLVED_RATE("部分解决率", Kind.RATE, Anchor.CLOSED,
            "部分解决率 = 期间内办结工单中最后一次回访答“部分解决”的 ÷ 回访有答复的。",
            "f.resolution = 'PARTIALLY'", "f.resolution IN ('RESOLVED', 'PARTIALLY', 'UNRESOLVED')", "1"),
    UNRESOLVED_RATE("未解决率", Kind.RATE, Anchor.CLOSED,
            "未解决率 = 期间内办结工单中最后一次回访答“未解决”或“部分解决”的 ÷ 回访有答复的（热点以此衡量群众诉求未解决的比重）。",
            "f.resolution IN ('PARTIALLY', 'UNRESOLVED')", "f.resolution IN ('RESOLVED', 'PARTIALLY', 'UNRESOLVED')",
            "1"),
    SATISFACTION_RATE("满意率", Kind.RATE, Anchor.CLOSED,
            "满意率 =（满意 + 基本满意）÷ 有评价的（满意、基本满意、不满意），取期间内办结工单最后一次评价（诉求人评价或社区回访）。"
                    + "未评价的不计入分母，另列未评价数。",
            "f.satisfaction IN ('SATISFIED', 'BASICALLY_SATISFIED')",
            "f.satisfaction IN ('SATISFIED', 'BASICALLY_SATISFIED', 'UNSATISFIED')", "1"),
    UNRATED("未评价", Kind.RATE, Anchor.CLOSED,
            "期间内办结工单中未评价的（诉求人未评价、回访记为未评价或没有回访）÷ 期间内办结的。",
            "(f.satisfaction IS NULL OR f.satisfaction = 'NO_RESPONSE')", "1=1", "1"),
    REOPEN_RATE("重办率", Kind.RATE, Anchor.CLOSED,
            "重办率 = 期间内办结的工单中至少重办过一次的 ÷ 期间内办结的。重办多次的只算一件。",
            "f.reopen_count > 0", "1=1", "1"),
    RETURN_RATE("退单率", Kind.RATE, Anchor.RECEIVED,
            "退单率 = 期间内受理且派给部门的工单中至少被退单一次的 ÷ 期间内受理且派给部门（街道吹哨）的。",
            "f.return_count > 0", "f.dispatched", "1"),
    EXTENSION_RATE("延期率", Kind.RATE, Anchor.RECEIVED,
            "延期率 = 期间内受理且派给部门的工单中有经批准延期的 ÷ 期间内受理且派给部门的。",
            "f.extension_count > 0", "f.dispatched", "1"),
    SUPERVISION_RATE("督办率", Kind.RATE, Anchor.RECEIVED,
            "督办率 = 期间内受理的工单中被督办过的（办理超时自动督办或督办人员手动督办）÷ 期间内受理的。",
            "f.supervision_count > 0", "1=1", "1"),
    WARNINGS_PER_100("预警（每百件）", Kind.PER_100, Anchor.RECEIVED,
            "期间内受理的工单收到的预警次数 × 100 ÷ 期间内受理的工单数。",
            "f.warning_count > 0", "1=1", "f.warning_count"),
    ESCALATIONS_PER_100("升级（每百件）", Kind.PER_100, Anchor.RECEIVED,
            "期间内受理的工单被升级的次数（含迟报到、办理超时督办）× 100 ÷ 期间内受理的工单数。",
            "f.escalation_count > 0", "1=1", "f.escalation_count"),
    RED_CARDS_PER_100("红牌（每百件）", Kind.PER_100, Anchor.RECEIVED,
            "期间内受理的工单被亮红牌的次数 × 100 ÷ 期间内受理的工单数。",
            "f.red_card_count > 0", "1=1", "f.red_card_count"),
    REPEAT_RATE("重复诉求", Kind.RATE, Anchor.RECEIVED,
            "重复诉求 = 期间内受理的工单中，此前 30 天内已有同一类别（二级类别）工单在其 100 米以内（可配置）的 ÷ 期间内受理的。"
                    + "同时给出件数（分子）。",
            "f.repeat_of IS NOT NULL", "1=1", "1"),
    MEDIATION_RATE("化解率", Kind.RATE, Anchor.MEDIATED,
            "化解率 = 期间内办结的矛盾纠纷中已化解的 ÷ 期间内办结的矛盾纠纷（进入调解流程并完成初判的工单）。"
                    + "已化解：最后一份调解协议在履行回访时确认已履行；或调解不成转街道联合调解后，最后一次回访答“解决”。"
                    + "协议未履行而重新调解的，以最后一份协议为准；引导至仲裁、诉讼或信访的不算化解。"
                    + "联合调解件数、引导依法解决件数另列。",
            "(m.agreement_performed OR (m.joint_mediation AND f.resolution = 'RESOLVED'))", "1=1", "1"),
    JOINT_MEDIATIONS("联合调解", Kind.COUNT, Anchor.MEDIATED,
            "期间内办结的矛盾纠纷中，社区调解不成、提请街道联合调解（召集相关部门报到）的件数（按办结时间计）。",
            "m.joint_mediation", null, "1"),
    GUIDED_DISPUTES("引导依法解决", Kind.COUNT, Anchor.MEDIATED,
            "期间内办结的矛盾纠纷中，调解不成、引导当事人通过仲裁、诉讼或信访途径解决的件数（按办结时间计）。",
            "m.guided", null, "1");

    /** How a figure is formed from its numerator and denominator. */
    public enum Kind {
        COUNT, RATE, PER_100, MINUTES_AVERAGE, MINUTES_P90, NOT_YET
    }

    /** The time that places a row in a period. */
    enum Anchor {
        RECEIVED("f.received_at", false, false), CLOSED("f.closed_at", false, false),
        DUE("f.handling_due", false, false), SUMMONED("c.summoned_at", true, false),
        /** Closed, and only the disputes mediated ({@code m} = mediation_fact). */
        MEDIATED("f.closed_at", false, true);

        final String column;
        final boolean checkIns;
        final boolean mediations;

        Anchor(String column, boolean checkIns, boolean mediations) {
            this.column = column;
            this.checkIns = checkIns;
            this.mediations = mediations;
        }
    }

    private final String label;
    private final Kind kind;
    final Anchor anchor;
    private final String definition;
    /** A row that counts in the numerator (and is listed behind the number). */
    final String numeratorRow;
    /** A row that counts in the denominator; null: a count, or a time (the denominator is the rows timed). */
    final String denominatorRow;
    /** What a numerator row adds: 1, or a count of events, or minutes. */
    final String weight;

    Measure(String label, Kind kind, Anchor anchor, String definition, String numeratorRow, String denominatorRow,
            String weight) {
        this.label = label;
        this.kind = kind;
        this.anchor = anchor;
        this.definition = definition;
        this.numeratorRow = numeratorRow;
        this.denominatorRow = denominatorRow;
        this.weight = weight;
    }

    public String label() {
        return label;
    }

    public Kind kind() {
        return kind;
    }

    public String definition() {
        return definition;
    }

    /** The unit the value is given in. */
    public String unit() {
        return switch (kind) {
            case COUNT -> "件";
            case RATE, NOT_YET -> "%";
            case PER_100 -> "次/百件";
            case MINUTES_AVERAGE, MINUTES_P90 -> "分钟";
        };
    }

    /** What the period is counted by, for the page ("按受理时间"). */
    public String countedBy() {
        return switch (anchor) {
            case RECEIVED -> "按受理时间";
            case CLOSED, MEDIATED -> "按办结时间";
            case DUE -> "按办理时限到期时间";
            case SUMMONED -> "按召集时间";
        };
    }
}
