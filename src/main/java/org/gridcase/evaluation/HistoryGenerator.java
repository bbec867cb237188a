package org.gridcase.evaluation;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Consumer;

import org.gridcase.casework.CaseStatus;
import org.gridcase.casework.Channel;
import org.gridcase.casework.HistoricCase;
import org.gridcase.casework.LadderRung;
import org.gridcase.casework.LadderStage;
import org.gridcase.registry.Urgency;

/**
 * Makes the demo district's past cases, day by day, from a fixed seed (the same run gives the same cases, so a
 * generation cut short resumes where it stopped). The shares are drawn to match published figures (DOMAIN.md:
 * Lianhu's 办结率 99.65% on 39,601 orders a year, 满意率 above 90%, 重办 a few per cent):
 *
 * <ul>
 * <li>closure: every case is closed, and closed before the history's end: a case whose story would run past it is
 * not made (a record without a process could never be acted on, and would read as overdue for ever): it is kept in
 * {@link #unfinished()}, and DemoHistory opens it as a live case with its process. The last few days hold fewer
 * history cases, those finished by then;
 * <li>departments differ ({@link #QUALITY}): a better one checks in on time more often, finishes within its limit
 * more often, solves more and satisfies more (水务 and 消防 at the top, 物业 and 公交 at the bottom);
 * <li>hotspots: 牡丹庄园社区 has twice the volume, more repeat requests and more unresolved cases; 大兴东路社区
 * half again the volume; 红辉社区 was a hotspot until {@link #secretarySent} (a 治理书记 was sent), and is better
 * after it: fewer cases and repeats, more solved and satisfied;
 * <li>重复诉求 (same category within the radius in the 30 days before, {@link RepeatRequests}): about 3% of an
 * ordinary community's cases repeat an earlier one, 12% in the troubled communities, ≈ 6–7% for the district. A
 * case that is not a repeat is placed clear of the radius of every case of its category in the last 31 days (the
 * demo district is small: at 40,000 cases a year on 12 km², uniform places alone made 38% of them repeats);
 * <li>resolution ≈ 88% 解决, 6% 部分解决 of the answered; satisfaction ≈ 92% (满意 + 基本满意) of the rated; reopened
 * ≈ 4%; one in eight unrated.
 * </ul>
 */
final class HistoryGenerator {

    record Grid(String code, String name, String communityCode, String streetCode, String prefix, double minLat,
            double maxLat, double minLon, double maxLon) {
    }

    /** A case whose story would still run at the history's end: the demo opens it as a live case instead. */
    record Unfinished(String gridCode, String gridName, String category, String categoryName, Channel channel) {
    }

    record Category(String code, String name, Urgency urgency, List<String> departments) {
    }

    private record Spot(double lat, double lon, long day, String community) {
    }

    static final String HOTSPOT = "610104007001"; // 牡丹庄园社区
    static final String BUSY = "610104006001"; // 大兴东路社区
    static final String IMPROVED = "610104007002"; // 红辉社区

    /** How good a department is (0..1): drives its on-time check-ins and handling, and its cases' outcomes. */
    static final Map<String, Double> QUALITY = Map.of("shuiwu", 0.97, "xiaofang", 0.96, "ranqi", 0.95,
            "jiaojing", 0.92, "shichang", 0.90, "zhujian", 0.88, "sifa", 0.87, "chengguan", 0.84, "gongjiao", 0.78,
            "wuye", 0.72);

    static final String DESCRIPTION = "【演示历史】自动生成的往期工单（无流程记录），供考核评价页面演示：";

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyyMMdd");
    private static final Duration CHECK_IN_LIMIT = Duration.ofHours(2);
    private static final Duration HANDLING_LIMIT = Duration.ofDays(5);
    private static final double METERS_PER_DEGREE = 111_195;

    private final List<Grid> grids;
    private final List<Category> categories;
    private final ZoneId zone;
    private final LocalDate from;
    private final LocalDate to;
    private final LocalDate secretarySent;
    private final double perDay;
    private final Instant end;
    private final double radiusMeters;
    private final Random random;
    /** Recent places per category, the last 31 days': what a new request keeps clear of, or repeats. */
    private final Map<String, List<Spot>> recent = new HashMap<>();
    private final List<Unfinished> unfinished = new ArrayList<>();
    private long dayIndex;

    /** Days {@code from} (inclusive) to {@code to} (exclusive), {@code perYear} cases a year on average. */
    HistoryGenerator(List<Grid> grids, List<Category> categories, ZoneId zone, LocalDate from, LocalDate to,
            int perYear, double radiusMeters, long seed) {
        this.grids = grids;
        this.categories = categories;
        this.zone = zone;
        this.from = from;
        this.to = to;
        long days = Duration.between(from.atStartOfDay(), to.atStartOfDay()).toDays();
        this.secretarySent = from.plusDays(days / 2);
        this.perDay = perYear / 365.0;
        this.end = to.atStartOfDay(zone).toInstant();
        this.radiusMeters = radiusMeters;
        this.random = new Random(seed);
    }

    /** The cases not made because they would not be over by the history's end, after {@link #generate}. */
    List<Unfinished> unfinished() {
        return List.copyOf(unfinished);
    }

    LocalDate secretarySent() {
        return secretarySent;
    }

    /** Hands each day's cases to {@code day}, oldest day first. */
    void generate(Consumer<List<HistoricCase>> day) {
        double before = weights(from).sum();
        double after = weights(secretarySent).sum();
        for (LocalDate d = from; d.isBefore(to); d = d.plusDays(1)) {
            double[] weights = weights(d).toArray();
            boolean weekend = d.getDayOfWeek() == DayOfWeek.SATURDAY || d.getDayOfWeek() == DayOfWeek.SUNDAY;
            // fewer cases in all once the improved community has fewer
            double expected = perDay * (weekend ? 0.6 : 1.16) * java.util.Arrays.stream(weights).sum()
                    / ((before + after) / 2);
            int count = (int) Math.round(expected * (0.85 + 0.3 * random.nextDouble()));
            List<HistoricCase> cases = new ArrayList<>();
            Map<String, Integer> sequence = new HashMap<>();
            dayIndex = d.toEpochDay();
            for (int i = 0; i < count; i++) {
                Grid grid = grids.get(pick(weights));
                LocalDate received = d;
                HistoricCase c = one(grid, d, () -> "%s-%s-H%03d".formatted(grid.prefix(), DAY.format(received),
                        sequence.merge(grid.prefix(), 1, Integer::sum)));
                if (c != null) {
                    cases.add(c);
                }
            }
            day.accept(cases);
        }
    }

    private java.util.stream.DoubleStream weights(LocalDate day) {
        return grids.stream().mapToDouble(g -> volume(g.communityCode(), day));
    }

    /** A community's relative volume on a day. */
    private double volume(String community, LocalDate day) {
        return switch (community) {
            case HOTSPOT -> 2.0;
            case BUSY -> 1.5;
            case IMPROVED -> day.isBefore(secretarySent) ? 1.6 : 0.9;
            default -> 1.0;
        };
    }

    private int pick(double[] weights) {
        double total = 0;
        for (double w : weights) {
            total += w;
        }
        double r = random.nextDouble() * total;
        for (int i = 0; i < weights.length; i++) {
            r -= weights[i];
            if (r < 0) {
                return i;
            }
        }
        return weights.length - 1;
    }

    /** A case, or null when its story would not be over by the history's end (then it takes no number). */
    private HistoricCase one(Grid grid, LocalDate day, java.util.function.Supplier<String> number) {
        Category category = categories.get(skewed(categories.size()));
        boolean hotspot = HOTSPOT.equals(grid.communityCode());
        boolean troubled = hotspot || IMPROVED.equals(grid.communityCode()) && day.isBefore(secretarySent);
        Instant received = day.atTime(LocalTime.of(8, 30)).plusMinutes(random.nextInt(8 * 60)).atZone(zone)
                .toInstant();
        double roll = random.nextDouble();
        Channel channel = roll < 0.40 ? Channel.GRID_WORKER : roll < 0.60 ? Channel.RESIDENT_APP
                : roll < 0.88 ? Channel.HOTLINE_12345 : roll < 0.96 ? Channel.MOBILE_GRID_WORKER : Channel.OPEN311;
        boolean dispatched = random.nextDouble() < 0.55;
        String lead = dispatched ? category.departments().get(random.nextInt(category.departments().size())) : null;
        double quality = lead == null ? 0.93 : QUALITY.getOrDefault(lead, 0.88);

        List<HistoricCase.Stage> stages = new ArrayList<>();
        List<HistoricCase.Summons> summonses = new ArrayList<>();
        List<HistoricCase.Rung> rungs = new ArrayList<>();
        stages.add(new HistoricCase.Stage(CaseStatus.RECEIVED, received));
        Instant handled;
        Instant due = null;
        int returns = 0;
        int extensions = 0;
        int supervisions = 0;
        if (dispatched) {
            Instant whistled = received.plus(minutes(5, 40));
            stages.add(new HistoricCase.Stage(CaseStatus.WHISTLED, whistled));
            Instant summoned = whistled.plus(minutes(1, 10));
            stages.add(new HistoricCase.Stage(CaseStatus.CHECKING_IN, summoned));
            if (random.nextDouble() < 0.03) { // returned once by the department: whistled again
                returns = 1;
                summonses.add(summons(lead, true, summoned, quality, rungs));
                summoned = summoned.plus(minutes(60, 180));
            }
            HistoricCase.Summons leading = summons(lead, true, summoned, quality, rungs);
            summonses.add(leading);
            Instant checkedIn = leading.checkedInAt();
            if (random.nextDouble() < 0.3) { // an assisting department
                List<String> others = new ArrayList<>(QUALITY.keySet());
                others.remove(lead);
                java.util.Collections.sort(others);
                String assisting = others.get(random.nextInt(others.size()));
                summonses.add(summons(assisting, false, summoned, QUALITY.get(assisting), rungs));
            }
            stages.add(new HistoricCase.Stage(CaseStatus.HANDLING, checkedIn));
            due = summoned.plus(HANDLING_LIMIT);
            if (random.nextDouble() < 0.03) { // an approved extension moves the limit
                extensions = 1;
                due = due.plus(Duration.ofDays(3));
            }
            boolean late = random.nextDouble() > quality;
            if (late) { // the overdue timer opened 督办
                supervisions = 1;
                rungs.add(new HistoricCase.Rung(LadderStage.HANDLING, LadderRung.ESCALATION, lead, due));
                handled = due.plus(minutes(6 * 60, 72 * 60));
            } else {
                handled = checkedIn.plus(minutes(60, (int) Duration.between(checkedIn, due).toMinutes() - 60));
            }
        } else {
            stages.add(new HistoricCase.Stage(CaseStatus.ON_THE_SPOT, received.plus(minutes(1, 5))));
            if (random.nextDouble() < 0.02) {
                rungs.add(new HistoricCase.Rung(LadderStage.ON_THE_SPOT, LadderRung.ESCALATION, null,
                        received.plus(Duration.ofHours(4))));
            }
            handled = received.plus(minutes(20, 6 * 60));
        }
        stages.add(new HistoricCase.Stage(CaseStatus.FEEDBACK, handled));
        int reopens = random.nextDouble() < (hotspot ? 0.07 : 0.035) ? (random.nextDouble() < 0.15 ? 2 : 1) : 0;
        if (reopens > 0) {
            Instant again = handled.plus(minutes(24 * 60, 48 * 60));
            stages.add(new HistoricCase.Stage(CaseStatus.REOPENED, again));
            handled = again.plus(minutes(4 * 60, 48 * 60));
            stages.add(new HistoricCase.Stage(CaseStatus.FEEDBACK, handled));
        }
        Instant visited = handled.plus(minutes(2 * 60, 36 * 60));
        stages.add(new HistoricCase.Stage(CaseStatus.RETURN_VISIT, visited));
        Instant closed = visited.plus(minutes(10, 24 * 60));
        stages.add(new HistoricCase.Stage(CaseStatus.CLOSED, closed));
        double solvedShare = Math.min(0.97, 0.93 * quality / 0.9) - (troubled ? 0.12 : 0);
        String resolution = null;
        if (random.nextDouble() < 0.9) {
            double r = random.nextDouble();
            resolution = r < solvedShare ? "RESOLVED" : r < solvedShare + (1 - solvedShare) * 0.55 ? "PARTIALLY"
                    : "UNRESOLVED";
        }
        double satisfiedShare = Math.min(0.99, quality / 0.9) - (troubled ? 0.08 : 0)
                - ("UNRESOLVED".equals(resolution) ? 0.5 : 0);
        String satisfaction;
        double r = random.nextDouble();
        if (r < 0.12) {
            satisfaction = "NO_RESPONSE";
        } else {
            double s = random.nextDouble();
            satisfaction = s < satisfiedShare * 0.7 ? "SATISFIED" : s < satisfiedShare ? "BASICALLY_SATISFIED"
                    : "UNSATISFIED";
        }
        String ratedBy = random.nextDouble() < 0.6 ? "REPORTER" : "COMMUNITY";
        if (!closed.isBefore(end)) {
            unfinished.add(new Unfinished(grid.code(), grid.name(), category.code(), category.name(), channel));
            return null;
        }
        double[] place = place(grid, category, troubled ? 0.12 : 0.03);
        return record(number.get(), grid, category, place, channel, CaseStatus.CLOSED, lead, due, resolution,
                satisfaction, ratedBy, reopens, returns, extensions, supervisions, received, closed, stages,
                summonses, rungs);
    }

    /** A summons and its check-in: late (the check-in limit passed first) more often for a weaker department. */
    private HistoricCase.Summons summons(String department, boolean lead, Instant summoned, double quality,
            List<HistoricCase.Rung> rungs) {
        Instant due = summoned.plus(CHECK_IN_LIMIT);
        boolean late = random.nextDouble() > quality + 0.02;
        if (late) {
            rungs.add(new HistoricCase.Rung(LadderStage.CHECK_IN, LadderRung.WARNING, department, due));
            if (random.nextDouble() < 0.2) {
                rungs.add(new HistoricCase.Rung(LadderStage.CHECK_IN, LadderRung.RED_CARD, department,
                        due.plus(Duration.ofHours(1))));
            }
            return new HistoricCase.Summons(department, lead, summoned, due, due.plus(minutes(10, 120)), true, due);
        }
        // quicker on the whole for a better department
        int upTo = (int) (20 + (1 - quality) * 600);
        return new HistoricCase.Summons(department, lead, summoned, due, summoned.plus(minutes(3, upTo)), false,
                null);
    }

    private HistoricCase record(String number, Grid grid, Category category, double[] place, Channel channel,
            CaseStatus status, String lead, Instant due, String resolution, String satisfaction, String ratedBy,
            int reopens, int returns, int extensions, int supervisions, Instant received, Instant closed,
            List<HistoricCase.Stage> stages, List<HistoricCase.Summons> summonses, List<HistoricCase.Rung> rungs) {
        return new HistoricCase(number, category.code(), category.name(), category.urgency(),
                DESCRIPTION + category.name(), grid.name() + "（演示历史）", place[0], place[1], grid.code(),
                grid.communityCode(), grid.streetCode(), channel, channel == Channel.HOTLINE_12345 ? "hotline" : null,
                status, lead, due, null, resolution, satisfaction,
                closed == null ? null : ratedBy, reopens, returns, extensions, supervisions, received, closed,
                stages, summonses, rungs);
    }

    /**
     * A repeat request ({@code repeatShare} of the cases, when there is one to repeat): within a few metres of a
     * case of the same category in the same community from the 29 days before (an earlier day, so that it is
     * received before it whatever the hours). Otherwise somewhere in the grid clear of the radius of every case of
     * the category in the last 31 days, that day's included; after a few tries anywhere in the grid (a crowded
     * category in a small grid may leave no room: then the evaluation counts a repeat where there is one).
     */
    private double[] place(Grid grid, Category category, double repeatShare) {
        List<Spot> earlier = recent.computeIfAbsent(category.code(), k -> new ArrayList<>());
        earlier.removeIf(e -> e.day() < dayIndex - 31);
        double[] spot = null;
        if (random.nextDouble() < repeatShare) {
            List<Spot> repeatable = earlier.stream().filter(e -> e.community().equals(grid.communityCode())
                    && e.day() < dayIndex && e.day() >= dayIndex - 29).toList();
            if (!repeatable.isEmpty()) {
                Spot near = repeatable.get(random.nextInt(repeatable.size()));
                spot = new double[] {near.lat() + (random.nextDouble() - 0.5) * 0.0003,
                        near.lon() + (random.nextDouble() - 0.5) * 0.0003};
            }
        }
        for (int i = 0; spot == null && i < 30; i++) {
            double[] candidate = {grid.minLat() + random.nextDouble() * (grid.maxLat() - grid.minLat()),
                    grid.minLon() + random.nextDouble() * (grid.maxLon() - grid.minLon())};
            if (i == 29 || earlier.stream().noneMatch(e -> near(e, candidate))) {
                spot = candidate;
            }
        }
        earlier.add(new Spot(spot[0], spot[1], dayIndex, grid.communityCode()));
        return spot;
    }

    /** Within the radius (and a margin, so that the evaluation's great-circle distance agrees). */
    private boolean near(Spot e, double[] spot) {
        double north = (e.lat() - spot[0]) * METERS_PER_DEGREE;
        double east = (e.lon() - spot[1]) * METERS_PER_DEGREE * Math.cos(Math.toRadians(spot[0]));
        double within = radiusMeters * 1.05;
        return north * north + east * east <= within * within;
    }

    /** An index favouring the first ones: some categories are far more common. */
    private int skewed(int size) {
        return Math.min(size - 1, (int) (Math.pow(random.nextDouble(), 1.5) * size));
    }

    private Duration minutes(int least, int most) {
        return Duration.ofMinutes(least + random.nextInt(Math.max(1, most - least)));
    }
}
