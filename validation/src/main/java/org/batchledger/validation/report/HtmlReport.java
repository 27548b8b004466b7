package org.batchledger.validation.report;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.stream.Collectors;
import org.batchledger.validation.requirements.Clause;
import org.batchledger.validation.requirements.Requirement;
import org.batchledger.validation.results.TestRun;
import org.batchledger.validation.trace.Finding;
import org.batchledger.validation.trace.RequirementTrace;
import org.batchledger.validation.trace.Verdict;

/** The report as one self-contained HTML page (no script, no external resource). */
public final class HtmlReport {
    private final StringBuilder html = new StringBuilder();

    private HtmlReport() {
    }

    public static byte[] render(ReportModel m) {
        HtmlReport r = new HtmlReport();
        r.write(m);
        return r.html.toString().getBytes(StandardCharsets.UTF_8);
    }

    private void write(ReportModel m) {
        raw("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>Batch Ledger Hub validation report"
                + "</title>\n<style>body{font-family:sans-serif;margin:2em;max-width:80em}table{border-collapse:collapse;"
                + "margin:1em 0}td,th{border:1px solid #bbb;padding:.2em .5em;vertical-align:top;text-align:left}"
                + ".gap{background:#fdd}.verified{background:#dfd}.rationale{background:#ffd}.planned{color:#666}"
                + "code{font-size:90%}</style></head><body>\n");
        raw("<h1>Batch Ledger Hub &mdash; validation report</h1>\n");
        summary(m);
        findings(m);
        requirements(m);
        clauses(m);
        inputs(m);
        raw("</body></html>\n");
    }

    private void summary(ReportModel m) {
        raw("<h2>Summary</h2>\n<table>\n");
        row("Gate", m.gateHolds() ? "holds" : "FAILS: " + m.findings().size() + " finding(s)");
        row("Commit", m.environment().commit());
        row("Uncommitted changes", m.environment().dirty());
        m.environment().facts().entrySet().stream().sorted(Map.Entry.comparingByKey())
                .forEach(e -> row(e.getKey(), e.getValue()));
        row("Requirements", m.traces().size() + " (" + m.count(Verdict.VERIFIED) + " verified, "
                + m.count(Verdict.RATIONALE) + " by rationale, " + m.count(Verdict.PLANNED) + " planned, "
                + m.count(Verdict.GAP) + " gaps)");
        row("Test runs read", String.valueOf(m.testRuns()));
        row("SHA-256 of the input listing", m.inputsDigest());
        raw("</table>\n");
    }

    private void findings(ReportModel m) {
        if (m.findings().isEmpty()) {
            return;
        }
        raw("<h2>Gate findings</h2>\n<table><tr><th>Kind</th><th>Subject</th><th>Finding</th><th>Where</th></tr>\n");
        for (Finding f : m.findings()) {
            raw("<tr class=\"gap\"><td>" + esc(f.kind().name()) + "</td><td>" + esc(f.subject()) + "</td><td>"
                    + esc(f.message()) + "</td><td><code>" + esc(f.where()) + "</code></td></tr>\n");
        }
        raw("</table>\n");
    }

    private void requirements(ReportModel m) {
        raw("<h2>Requirements &rarr; tests &rarr; results</h2>\n<table><tr><th>Requirement</th><th>Risk</th>"
                + "<th>Verdict</th><th>Statement, intended use, clauses</th><th>Tests</th></tr>\n");
        for (RequirementTrace t : m.traces()) {
            Requirement r = t.requirement();
            raw("<tr class=\"" + t.verdict().text() + "\" id=\"" + esc(r.id()) + "\"><td><b>" + esc(r.id())
                    + "</b><br><code>" + esc(r.where()) + "</code></td><td>" + esc(r.risk().text()) + "<br><small>"
                    + esc(r.riskReason()) + "</small></td><td>" + esc(t.verdict().text()) + "</td><td>"
                    + esc(r.statement()) + "<br><small>Intended use: " + esc(r.intendedUse()) + "<br>Assurance: "
                    + esc(r.assurance().text()) + r.rationale().map(x -> "<br>Rationale: " + esc(x)).orElse("")
                    + "<br>Clauses: " + esc(String.join("; ", r.clauses())) + "</small></td><td>" + tests(t)
                    + "</td></tr>\n");
        }
        raw("</table>\n");
    }

    private static String tests(RequirementTrace t) {
        if (t.tests().isEmpty()) {
            return "&mdash;";
        }
        String head = t.passed() + " passed, " + t.failed() + " failed, " + t.notRun() + " not run<br>";
        return head + t.tests().stream().map(HtmlReport::test).collect(Collectors.joining("<br>"));
    }

    private static String test(TestRun run) {
        return esc(run.outcome().name()) + " <code>" + esc(run.label()) + "</code> <small>(" + esc(run.module()) + ", "
                + esc(run.plugin()) + ")</small>";
    }

    private void clauses(ReportModel m) {
        Map<String, RequirementTrace> byId = m.byId();
        raw("<h2>Clause matrix</h2>\n<table><tr><th>Clause</th><th>Topic</th><th>Features</th><th>Requirements "
                + "(verdict, passing tests)</th><th>Left to the user's procedures</th></tr>\n");
        for (Clause c : m.clauses()) {
            String reqs = c.requirements().stream().map(id -> {
                RequirementTrace t = byId.get(id);
                String classes = t.tests().stream().filter(run -> run.outcome().passed())
                        .map(TestRun::simpleClassName).distinct().sorted().collect(Collectors.joining(", "));
                return "<a href=\"#" + esc(id) + "\">" + esc(id) + "</a> (" + esc(t.verdict().text()) + ", "
                        + t.passed() + " passing" + (classes.isEmpty() ? "" : ": " + esc(classes)) + ")";
            }).collect(Collectors.joining("<br>"));
            raw("<tr><td>" + esc(c.clause()) + "</td><td>" + esc(c.topic()) + "</td><td>"
                    + esc(String.join(", ", c.features())) + "</td><td>" + (reqs.isEmpty() ? "&mdash;" : reqs)
                    + "</td><td>" + esc(c.userProcedures().orElse("")) + "</td></tr>\n");
        }
        raw("</table>\n<h3>ALCOA+ principles</h3>\n<table>\n");
        m.alcoa().forEach((principle, ids) -> raw("<tr><td>" + esc(principle) + "</td><td>" + ids.stream()
                .map(id -> "<a href=\"#" + esc(id) + "\">" + esc(id) + "</a> (" + esc(byId.get(id).verdict().text())
                        + ")").collect(Collectors.joining(", ")) + "</td></tr>\n"));
        raw("</table>\n");
    }

    private void inputs(ReportModel m) {
        raw("<h2>Inputs (SHA-256)</h2>\n<table>\n");
        m.inputs().forEach(i -> raw("<tr><td><code>" + esc(i.sha256()) + "</code></td><td><code>" + esc(i.path())
                + "</code></td></tr>\n"));
        raw("</table>\n");
    }

    private void row(String key, String value) {
        raw("<tr><th>" + esc(key) + "</th><td>" + esc(value) + "</td></tr>\n");
    }

    private void raw(String s) {
        html.append(s);
    }

    static String esc(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (char c : s.toCharArray()) {
            switch (c) {
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '&' -> b.append("&amp;");
                case '"' -> b.append("&quot;");
                default -> b.append(c);
            }
        }
        return b.toString();
    }
}
