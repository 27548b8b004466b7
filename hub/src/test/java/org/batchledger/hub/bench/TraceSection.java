package org.batchledger.hub.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.batchledger.hub.bench.TraceLanes.Lane;
import org.batchledger.lineage.genealogy.TraceDirection;

/**
 * Workload 1 and 2 of the suite: the genealogy trace side by side at start points chosen by reach, and the scale
 * curve on diamond ladders (reach grows by 2 × width + 2 per diamond, paths by a factor of the width), with the plot.
 */
final class TraceSection {
    static final String FAN = "bench-fan:";
    static final String LADDER = "bench-ladder-";
    private final TraceLanes lanes;
    private final Report report;
    private final Map<Lane, List<double[]>> byReach = new EnumMap<>(Lane.class);
    private final Map<Lane, List<double[]>> byPaths = new EnumMap<>(Lane.class);

    TraceSection(TraceLanes lanes, Report report) {
        this.lanes = lanes;
        this.report = report;
    }

    static String ladderStart(int diamonds) {
        return LADDER + diamonds + ":L0";
    }

    void plant(List<Starts.Start> starts) {
        Measure.Figure emptyRead = lanes.emptyRead();
        Measure.Figure emptyRequest = lanes.emptyRequest();
        report.line("Fixed costs under every trace: an empty read transaction (`RETURN 1`) via the driver %s ms; "
                        + "`{ __typename }` over GraphQL/HTTP %s ms (median / p99).",
                report.figure("fixed cost", "empty read transaction", "RETURN 1", emptyRead),
                report.figure("fixed cost", "GraphQL", "{ __typename }", emptyRequest));
        report.line("");
        report.line("Every database lane hands the reached nodes to its caller: (b) the hub's trace (keys, hops, "
                + "parents), (c) the first page of 100 nodes and the count, (d), (d') and (e) every reached node's key "
                + "(a server-side count would skip the transfer the hub's lanes pay; before 2026-11-27 they counted).");
        report.line("");
        report.line("Cells: median / p99 ms. Ratios of medians; targets (issue 15): (b)/(d) ≤ 1.0 × at reach ≥ 1,000; "
                + "(c)/(b) ≤ 1.3 ×; (b − empty read)/(a) ≤ 20 ×; (d')/(c) and (e)/(c) ≥ 5 × on reconverging genealogy "
                + "(the ladders below).");
        report.line("");
        report.line("| direction | start | lot | reached | (a) BFS | (b) driver | (c) GraphQL | (d) PG best | (d') PG "
                + "common | (e) Cypher | (b)/(d) | (c)/(b) | (b − empty)/(a) | (d')/(c) | (e)/(c) |");
        report.line("|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|");
        Map<TraceDirection, Set<Lane>> skip = new EnumMap<>(TraceDirection.class);
        for (Starts.Start s : starts) {
            Set<Lane> off = skip.computeIfAbsent(s.direction(), d -> EnumSet.noneOf(Lane.class));
            var f = measure("trace " + s.direction().name().toLowerCase(), s.label() + " `" + s.key() + "`", s.key(),
                    s.direction(), s.reach(), off);
            f.forEach((lane, fig) -> byReach.computeIfAbsent(lane, l -> new ArrayList<>())
                    .add(new double[] {s.reach(), fig.median()}));
            report.line("| %s | %s | `%s` | %,d | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s |",
                    s.direction().name().toLowerCase(), s.label(), s.key(), s.reach(), cell(f, Lane.BFS),
                    cell(f, Lane.DRIVER), cell(f, Lane.GRAPHQL), cell(f, Lane.PG_BEST), cell(f, Lane.PG_COMMON),
                    cell(f, Lane.CYPHER), Report.ratio(med(f, Lane.DRIVER) / med(f, Lane.PG_BEST)),
                    Report.ratio(med(f, Lane.GRAPHQL) / med(f, Lane.DRIVER)),
                    aboveFixedCost(med(f, Lane.DRIVER) - emptyRead.median(), med(f, Lane.BFS)),
                    Report.ratio(med(f, Lane.PG_COMMON) / med(f, Lane.GRAPHQL)),
                    Report.ratio(med(f, Lane.CYPHER) / med(f, Lane.GRAPHQL)));
        }
        report.line("");
        report.line("A timed-out form is not run again at larger reaches in the same direction (\"skipped\").");
    }

    void ladders(int width, int count) {
        report.line("Ladders of n diamonds of width %d: lot L0 consumed by %d batches whose lots all go into one batch "
                + "making L1, and so on: width^n distinct paths, (2 × width + 2) n + 1 nodes, 4n hops. Downstream from L0.", width,
                width);
        report.line("");
        report.line("| diamonds | distinct paths | reached | hops | (a) BFS | (b) driver | (c) GraphQL | (d) PG best | "
                + "(d') PG common | (e) Cypher | (d')/(c) | (e)/(c) | (b)/(d) |");
        report.line("|---|---|---|---|---|---|---|---|---|---|---|---|---|");
        Set<Lane> off = EnumSet.noneOf(Lane.class);
        for (int n = 1; n <= count; n++) {
            double paths = Math.pow(width, n);
            int reach = (2 * width + 2) * n + 1;
            var f = measure("ladder", n + " diamonds", ladderStart(n), TraceDirection.DOWNSTREAM, reach, off);
            f.forEach((lane, fig) -> byPaths.computeIfAbsent(lane, l -> new ArrayList<>())
                    .add(new double[] {paths, fig.median()}));
            report.line("| %d | %,.0f | %,d | %d | %s | %s | %s | %s | %s | %s | %s | %s | %s |", n, paths, reach, 4 * n,
                    cell(f, Lane.BFS), cell(f, Lane.DRIVER), cell(f, Lane.GRAPHQL), cell(f, Lane.PG_BEST),
                    cell(f, Lane.PG_COMMON), cell(f, Lane.CYPHER),
                    Report.ratio(med(f, Lane.PG_COMMON) / med(f, Lane.GRAPHQL)),
                    Report.ratio(med(f, Lane.CYPHER) / med(f, Lane.GRAPHQL)),
                    Report.ratio(med(f, Lane.DRIVER) / med(f, Lane.PG_BEST)));
        }
        report.line("");
    }

    void plot(Path file, String caption, int ladderWidth) throws java.io.IOException {
        Plot.write(file, caption, List.of(
                new Plot.Panel("Trace latency against reach (plant starts, both directions)", "reached nodes",
                        "median ms", series(byReach)),
                new Plot.Panel("Trace latency against distinct paths (diamond ladders, width " + ladderWidth + ")",
                        "distinct paths", "median ms", series(byPaths))));
    }

    private static List<Plot.Series> series(Map<Lane, List<double[]>> points) {
        List<Plot.Series> out = new ArrayList<>();
        points.forEach((lane, pts) -> {
            List<double[]> sorted = new ArrayList<>(pts);
            sorted.sort((a, b) -> Double.compare(a[0], b[0]));
            out.add(new Plot.Series(lane.legend, sorted));
        });
        return out;
    }

    /** Every lane for one start; checks that all agree with the BFS on the node count; lanes that time out go off. */
    private Map<Lane, Measure.Figure> measure(String workload, String label, String key, TraceDirection direction,
                                              int expected, Set<Lane> off) {
        Map<Lane, Measure.Figure> f = lanes.measure(key, direction, off);
        f.forEach((lane, fig) -> {
            report.figure(workload, lane.title, label, fig);
            if (fig.timedOut()) {
                off.add(lane);
            } else if (fig.value() != expected) {
                report.failures.add("%s %s %s: %s reached %d nodes, the BFS %d".formatted(workload, label,
                        direction, lane.title, fig.value(), expected));
            }
        });
        return f;
    }

    /** (b − empty read)/(a); a (b) at or under the empty read's median is noise around the fixed cost. */
    private static String aboveFixedCost(double walk, double bfs) {
        return walk <= 0 ? "— ((b) ≤ empty read)" : Report.ratio(walk / bfs);
    }

    private static String cell(Map<Lane, Measure.Figure> f, Lane lane) {
        Measure.Figure fig = f.get(lane);
        if (fig == null) {
            return "skipped";
        }
        return fig.timedOut() ? fig.note() : Report.ms(fig.median()) + " / " + Report.ms(fig.p99());
    }

    private static double med(Map<Lane, Measure.Figure> f, Lane lane) {
        Measure.Figure fig = f.get(lane);
        return fig == null || fig.timedOut() ? Double.NaN : fig.median();
    }
}
