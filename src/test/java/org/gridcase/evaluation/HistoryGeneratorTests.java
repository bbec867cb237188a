package org.gridcase.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import org.gridcase.casework.CaseStatus;
import org.gridcase.casework.HistoricCase;
import org.gridcase.casework.LadderRung;
import org.gridcase.casework.LadderStage;
import org.gridcase.registry.Urgency;
import org.junit.jupiter.api.Test;

/**
 * The demo history's twelve months, generated in memory: the shares it promises (README, HistoryGenerator) hold
 * for the year, departments differ, the hotspot is one, and the community a 治理书记 was sent to improves after.
 */
class HistoryGeneratorTests {

    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    static final LocalDate FROM = LocalDate.of(2024, 11, 1);
    static final LocalDate TO = LocalDate.of(2025, 11, 1);
    /** 重复诉求's radius, as configured by default ({@code gridcase.evaluation.repeat-radius-meters}). */
    static final double RADIUS = 100;

    /** The demo district's grids, with the envelopes R__demo_lianhu_district.sql gives them (about 12 km² in all). */
    static List<HistoryGenerator.Grid> grids() {
        return List.of(
            grid("610104007001001", "牡丹庄园社区第一网格", 34.274439, 34.284517, 108.880000, 108.887383),
            grid("610104007001002", "牡丹庄园社区第二网格", 34.274278, 34.285000, 108.886945, 108.895953),
            grid("610104007001003", "牡丹庄园社区第三网格", 34.264490, 34.275524, 108.880000, 108.886945),
            grid("610104007002001", "红辉社区第一网格", 34.255000, 34.265208, 108.880000, 108.887520),
            grid("610104007002002", "红辉社区第二网格", 34.255000, 34.264942, 108.886364, 108.894623),
            grid("610104007002003", "红辉社区第三网格", 34.264490, 34.274665, 108.886524, 108.895375),
            grid("610104007003001", "远东东社区第一网格", 34.274278, 34.285000, 108.894849, 108.903801),
            grid("610104007003002", "远东东社区第二网格", 34.264942, 34.275180, 108.894623, 108.903784),
            grid("610104007003003", "远东东社区第三网格", 34.255000, 34.266097, 108.894239, 108.903784),
            grid("610104006001001", "大兴东路社区第一网格", 34.274524, 34.285000, 108.902544, 108.912583),
            grid("610104006001002", "大兴东路社区第二网格", 34.274072, 34.285000, 108.912121, 108.920000),
            grid("610104006001003", "大兴东路社区第三网格", 34.265137, 34.275180, 108.902544, 108.912583),
            grid("610104006002001", "红庙坡社区第一网格", 34.265362, 34.275136, 108.911898, 108.920000),
            grid("610104006002002", "红庙坡社区第二网格", 34.255000, 34.265912, 108.903414, 108.912673),
            grid("610104006002003", "红庙坡社区第三网格", 34.255000, 34.266074, 108.911567, 108.920000));
    }

    private static HistoryGenerator.Grid grid(String code, String name, double minLat, double maxLat, double minLon,
            double maxLon) {
        String community = code.substring(0, 12);
        return new HistoryGenerator.Grid(code, name, community, code.substring(0, 9),
                community.startsWith("610104007") ? "TM" : "HMP", minLat, maxLat, minLon, maxLon);
    }

    /** The demo's leaf categories (V2) with the departments answering for them (R__demo_lianhu_district.sql). */
    static List<HistoryGenerator.Category> categories() {
        return List.of(
                category("DISPUTE.NEIGHBOUR", "邻里纠纷", Urgency.ROUTINE, "sifa"),
                category("DISPUTE.PROPERTY_SERVICE", "物业服务纠纷", Urgency.ROUTINE, "wuye", "zhujian"),
                category("MARKET.FOOD_SAFETY", "食品安全", Urgency.URGENT, "shichang"),
                category("MARKET.STREET_VENDING", "占道经营", Urgency.ROUTINE, "chengguan", "shichang"),
                category("MUNICIPAL.MANHOLE_COVER_MISSING", "井盖缺失", Urgency.URGENT, "chengguan"),
                category("MUNICIPAL.ROAD_DAMAGE", "道路破损", Urgency.ROUTINE, "zhujian"),
                category("MUNICIPAL.SEWER_BLOCKED", "下水道堵塞", Urgency.URGENT, "shuiwu"),
                category("MUNICIPAL.STREET_LIGHT_OUT", "路灯损坏", Urgency.ROUTINE, "zhujian"),
                category("MUNICIPAL.WATER_PIPE_BURST", "供水管道爆裂", Urgency.EMERGENCY, "shuiwu"),
                category("PROPERTY.ELEVATOR_FAULT", "电梯故障", Urgency.URGENT, "wuye"),
                category("PROPERTY.STAIRWELL_CLUTTER", "楼道堆物", Urgency.ROUTINE, "wuye"),
                category("PROPERTY.STAIRWELL_LIGHT", "楼道照明", Urgency.ROUTINE, "wuye"),
                category("PROPERTY.WATER_LEAK", "漏水渗水", Urgency.URGENT, "wuye"),
                category("SAFETY.DANGEROUS_BUILDING", "房屋安全隐患", Urgency.URGENT, "zhujian"),
                category("SAFETY.FIRE_EXIT_BLOCKED", "消防通道堵塞", Urgency.URGENT, "xiaofang"),
                category("SAFETY.GAS_LEAK", "燃气泄漏", Urgency.EMERGENCY, "ranqi", "xiaofang"),
                category("SAFETY.ROAD_SUBSIDENCE", "路面塌陷", Urgency.EMERGENCY, "zhujian"),
                category("SANITATION.BIN_OVERFLOW", "垃圾桶满溢", Urgency.ROUTINE, "chengguan"),
                category("SANITATION.GARBAGE_PILE", "垃圾堆放", Urgency.ROUTINE, "chengguan"),
                category("SANITATION.ILLEGAL_ADVERTISING", "乱贴小广告", Urgency.ROUTINE, "chengguan"),
                category("TRAFFIC.BUS_BLOCKING", "公交车辆堵路", Urgency.URGENT, "gongjiao", "jiaojing"),
                category("TRAFFIC.ILLEGAL_PARKING", "占道停车", Urgency.ROUTINE, "chengguan", "jiaojing"),
                category("TRAFFIC.SIGNAL_FAULT", "信号灯故障", Urgency.URGENT, "jiaojing"));
    }

    private static HistoryGenerator.Category category(String code, String name, Urgency urgency,
            String... departments) {
        return new HistoryGenerator.Category(code, name, urgency, List.of(departments));
    }

    final List<HistoricCase> year = new ArrayList<>();
    final HistoryGenerator generator = new HistoryGenerator(grids(), categories(), ZONE, FROM, TO, 40_000, RADIUS, 7L);

    HistoryGeneratorTests() {
        generator.generate(year::addAll);
    }

    @Test
    void theCasesStillRunningAtTheEndBecomeValidLiveReports() {
        List<HistoryGenerator.Unfinished> running = generator.unfinished();
        // a few days' worth: the stories (check-ins, handling, return visit) of the last days before the end
        assertThat(running).hasSizeBetween(100, 1_500);
        assertThat(running.size() * 100.0 / (running.size() + year.size())).isBetween(0.2, 3.0);
        var validator = jakarta.validation.Validation.buildDefaultValidatorFactory().getValidator();
        List<org.gridcase.casework.NewCase> reports = DemoHistory.liveReports(running);
        assertThat(reports).hasSameSizeAs(running).allSatisfy(report -> {
            assertThat(validator.validate(report)).isEmpty();
            assertThat(report.description()).startsWith("【演示在办】");
        });
        assertThat(reports).extracting(org.gridcase.casework.NewCase::gridCode)
                .containsAll(running.stream().map(HistoryGenerator.Unfinished::gridCode).toList());
    }

    @Test
    void aYearAtLianhusScaleWithItsPublishedShares() {
        assertThat(year).hasSizeBetween(36_000, 44_000);
        assertThat(year).extracting(HistoricCase::caseNumber).doesNotHaveDuplicates();
        List<HistoricCase> closed = year.stream().filter(c -> c.status() == CaseStatus.CLOSED).toList();
        assertThat(share(closed, c -> c.resolution() != null && c.resolution().equals("RESOLVED"),
                c -> c.resolution() != null)).isBetween(82.0, 92.0);
        assertThat(share(closed, c -> satisfied(c), c -> !"NO_RESPONSE".equals(c.satisfaction())))
                .isBetween(88.0, 95.0);
        assertThat(share(closed, c -> c.reopenCount() > 0, c -> true)).isBetween(3.0, 5.0);
        assertThat(share(closed, c -> !late(c), c -> true)).isBetween(85.0, 96.0);
        // every closed case has a story the case page can tell: received first, closed last
        assertThat(closed).allSatisfy(c -> {
            assertThat(c.stages().get(0).status()).isEqualTo(CaseStatus.RECEIVED);
            assertThat(c.stages().get(c.stages().size() - 1).status()).isEqualTo(CaseStatus.CLOSED);
            assertThat(c.description()).startsWith("【演示历史】");
        });
    }

    @Test
    void someDepartmentsAreClearlyBetterThanOthers() {
        double water = onTime("shuiwu");
        double property = onTime("wuye");
        assertThat(water - property).isGreaterThan(15.0);
        assertThat(satisfaction("shuiwu") - satisfaction("wuye")).isGreaterThan(5.0);
    }

    @Test
    void theHotspotHasMoreCasesAndTheImprovedCommunityImprovesAfterTheSecretaryCame() {
        long hotspot = year.stream().filter(c -> c.communityCode().equals(HistoryGenerator.HOTSPOT)).count();
        long quiet = year.stream().filter(c -> c.communityCode().equals("610104006002")).count();
        assertThat((double) hotspot / quiet).isGreaterThan(1.7);

        Predicate<HistoricCase> improved = c -> c.communityCode().equals(HistoryGenerator.IMPROVED)
                && c.status() == CaseStatus.CLOSED;
        Predicate<HistoricCase> before = c -> c.receivedAt().atZone(ZONE).toLocalDate()
                .isBefore(generator.secretarySent());
        List<HistoricCase> earlier = year.stream().filter(improved.and(before)).toList();
        List<HistoricCase> later = year.stream().filter(improved.and(before.negate())).toList();
        assertThat(earlier.size()).isGreaterThan(later.size() * 3 / 2);
        double solvedBefore = share(earlier, c -> "RESOLVED".equals(c.resolution()), c -> c.resolution() != null);
        double solvedAfter = share(later, c -> "RESOLVED".equals(c.resolution()), c -> c.resolution() != null);
        assertThat(solvedAfter - solvedBefore).isGreaterThan(8.0);
    }

    /**
     * A history case has no process, so nobody could act on one left open: every one is closed, and closed before
     * the history ends (nothing in it happens after the first start). The open work is the live demo cases'.
     */
    @Test
    void everyHistoryCaseIsClosedBeforeTheHistoryEnds() {
        Instant end = TO.atStartOfDay(ZONE).toInstant();
        assertThat(year).allSatisfy(c -> {
            assertThat(c.status()).isEqualTo(CaseStatus.CLOSED);
            assertThat(c.closedAt()).isNotNull().isBefore(end);
            assertThat(c.stages()).allSatisfy(s -> assertThat(s.enteredAt()).isBefore(end));
        });
        // the last days hold the cases finished by then, fewer than a usual week's but not none
        long lastWeek = year.stream().filter(c -> !c.receivedAt().isBefore(end.minus(Duration.ofDays(7)))).count();
        long weekBefore = year.stream().filter(c -> !c.receivedAt().isBefore(end.minus(Duration.ofDays(14)))
                && c.receivedAt().isBefore(end.minus(Duration.ofDays(7)))).count();
        assertThat(lastWeek).isPositive().isLessThan(weekBefore);
    }

    /**
     * 重复诉求 as the evaluation counts it (same category, within the radius, in the 30 days before): a few per cent
     * of the district's cases (between 4 and 10), while the hotspot community has clearly more than the quiet ones.
     */
    @Test
    void repeatRequestsAreAFewPerCentAndTheHotspotStandsOut() {
        List<HistoricCase> repeats = repeats(year);
        double district = share(repeats.size(), year.size());
        assertThat(district).isBetween(4.0, 10.0);
        double hotspot = repeatShare(repeats, HistoryGenerator.HOTSPOT);
        for (String quiet : new String[] {"610104007003", "610104006002"}) {
            assertThat(hotspot).isGreaterThan(2 * repeatShare(repeats, quiet));
        }
    }

    private double repeatShare(List<HistoricCase> repeats, String community) {
        return share(repeats.stream().filter(c -> c.communityCode().equals(community)).count(),
                year.stream().filter(c -> c.communityCode().equals(community)).count());
    }

    /** The cases with an earlier one of their category within {@link #RADIUS} in the 30 days before. */
    static List<HistoricCase> repeats(List<HistoricCase> cases) {
        Map<String, List<HistoricCase>> byCategory = new HashMap<>();
        cases.stream().sorted(Comparator.comparing(HistoricCase::receivedAt))
                .forEach(c -> byCategory.computeIfAbsent(c.category(), k -> new ArrayList<>()).add(c));
        List<HistoricCase> repeats = new ArrayList<>();
        byCategory.values().forEach(sorted -> {
            int first = 0;
            for (int i = 0; i < sorted.size(); i++) {
                HistoricCase c = sorted.get(i);
                while (sorted.get(first).receivedAt().isBefore(c.receivedAt().minus(RepeatRequests.WINDOW))) {
                    first++;
                }
                for (int j = first; j < i; j++) {
                    HistoricCase e = sorted.get(j);
                    if (e.receivedAt().isBefore(c.receivedAt())
                            && RepeatRequests.meters(c.lat(), c.lon(), e.lat(), e.lon()) <= RADIUS) {
                        repeats.add(c);
                        break;
                    }
                }
            }
        });
        return repeats;
    }

    @Test
    void theSameSeedMakesTheSameCases() {
        List<HistoricCase> again = new ArrayList<>();
        new HistoryGenerator(grids(), categories(), ZONE, FROM, TO, 40_000, RADIUS, 7L).generate(again::addAll);
        assertThat(again).isEqualTo(year);
    }

    private double onTime(String department) {
        return share(year.stream().filter(c -> department.equals(c.leadDepartment())
                && c.status() == CaseStatus.CLOSED).toList(), c -> !late(c), c -> true);
    }

    private double satisfaction(String department) {
        return share(year.stream().filter(c -> department.equals(c.leadDepartment())
                && c.status() == CaseStatus.CLOSED).toList(), HistoryGeneratorTests::satisfied,
                c -> !"NO_RESPONSE".equals(c.satisfaction()));
    }

    static boolean satisfied(HistoricCase c) {
        return "SATISFIED".equals(c.satisfaction()) || "BASICALLY_SATISFIED".equals(c.satisfaction());
    }

    static boolean late(HistoricCase c) {
        return c.rungs().stream().anyMatch(r -> r.rung() == LadderRung.ESCALATION
                && (r.stage() == LadderStage.HANDLING || r.stage() == LadderStage.ON_THE_SPOT));
    }

    static double share(List<HistoricCase> cases, Predicate<HistoricCase> counted, Predicate<HistoricCase> of) {
        long denominator = cases.stream().filter(of).count();
        return share(cases.stream().filter(of).filter(counted).count(), denominator);
    }

    static double share(long numerator, long denominator) {
        return 100.0 * numerator / denominator;
    }
}
