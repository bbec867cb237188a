package org.gridcase.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
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

    static List<HistoryGenerator.Grid> grids() {
        List<HistoryGenerator.Grid> grids = new ArrayList<>();
        String[] communities = {"610104007001", "610104007002", "610104007003", "610104006001", "610104006002"};
        for (String c : communities) {
            for (int g = 1; g <= 3; g++) {
                grids.add(new HistoryGenerator.Grid(c + "00" + g, "网格" + g, c, c.substring(0, 9),
                        c.startsWith("610104007") ? "TM" : "HMP", 34.25, 34.26, 108.88, 108.89));
            }
        }
        return grids;
    }

    static List<HistoryGenerator.Category> categories() {
        return List.of(
                new HistoryGenerator.Category("SANITATION.GARBAGE_PILE", "垃圾堆放", Urgency.ROUTINE, List.of("chengguan")),
                new HistoryGenerator.Category("PROPERTY.WATER_LEAK", "漏水渗水", Urgency.URGENT, List.of("wuye")),
                new HistoryGenerator.Category("MUNICIPAL.SEWER_BLOCKED", "下水道堵塞", Urgency.URGENT, List.of("shuiwu")),
                new HistoryGenerator.Category("MUNICIPAL.ROAD_DAMAGE", "道路破损", Urgency.ROUTINE, List.of("zhujian")),
                new HistoryGenerator.Category("TRAFFIC.BUS_BLOCKING", "公交车辆堵路", Urgency.URGENT,
                        List.of("gongjiao", "jiaojing")));
    }

    final List<HistoricCase> year = new ArrayList<>();
    final HistoryGenerator generator = new HistoryGenerator(grids(), categories(), ZONE, FROM, TO, 40_000, 7L);

    HistoryGeneratorTests() {
        generator.generate(year::addAll);
    }

    @Test
    void aYearAtLianhusScaleWithItsPublishedShares() {
        assertThat(year).hasSizeBetween(36_000, 44_000);
        assertThat(year).extracting(HistoricCase::caseNumber).doesNotHaveDuplicates();
        List<HistoricCase> closed = year.stream().filter(c -> c.status() == CaseStatus.CLOSED).toList();
        assertThat(share(closed.size(), year.size())).isBetween(98.0, 99.6);
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

    @Test
    void theSameSeedMakesTheSameCases() {
        List<HistoricCase> again = new ArrayList<>();
        new HistoryGenerator(grids(), categories(), ZONE, FROM, TO, 40_000, 7L).generate(again::addAll);
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
