using Assistant.Core.Evaluation.Release;
using Xunit;

namespace Assistant.Core.Tests.Evaluation.Release;

public sealed class GateMarkdownTests
{
    [Fact]
    public void The_report_has_the_verdict_a_table_an_svg_chart_per_split_and_the_flips()
    {
        var baseline = Snapshots.With(new() { ["answers.citationPrecision"] = 1.0, ["answers.latencyP95Ms"] = 30 },
            new() { ["una-007"] = new Dictionary<string, string> { ["outcome"] = "Declined" } });
        var now = Snapshots.With(new() { ["answers.citationPrecision"] = 0.9, ["answers.latencyP95Ms"] = 35 },
            new() { ["una-007"] = new Dictionary<string, string> { ["outcome"] = "Answered" } });
        var report = ReleaseGateReport.Create("evals/baselines/main.json", baseline, now, [Snapshots.Precision, Snapshots.Latency], null, ["a note"]);
        var path = Path.Combine(Directory.CreateTempSubdirectory("assistant-gate-report-").FullName, "gate.md");

        File.WriteAllText(path, GateMarkdown.Render(report));
        var markdown = File.ReadAllText(path);

        Assert.StartsWith("# Release gate: FAILED", markdown);
        Assert.Contains("| answers.citationPrecision | 1 | 0.9 | -0.1 | >= 0.9 | worse by <= 0.01 | FAIL |", markdown);
        Assert.Contains("| una-007 | outcome | Declined | Answered |", markdown);
        Assert.Contains("- a note", markdown);
        var svg = markdown[markdown.IndexOf("<svg", StringComparison.Ordinal)..(markdown.IndexOf("</svg>", StringComparison.Ordinal) + 6)];
        // Parses as XML: the chart renders inline on GitHub and in a browser.
        var chart = System.Xml.Linq.XDocument.Parse(svg);
        Assert.Equal(4, chart.Root!.Elements().Count(e => e.Name.LocalName == "rect"));
    }
}
