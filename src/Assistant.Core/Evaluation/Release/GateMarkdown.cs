using System.Globalization;
using System.Net;
using System.Text;

namespace Assistant.Core.Evaluation.Release;

/// <summary>
/// The gate's Markdown report: verdict, a table per split, an inline SVG chart per split (baseline and now side by
/// side, each metric scaled to the larger of the two so rates, failures, cost and milliseconds share one chart), and
/// the cases that flipped.
/// </summary>
public static class GateMarkdown
{
    private const int BarWidth = 300;
    private const int RowHeight = 26;
    private const int LabelWidth = 260;

    public static string Render(ReleaseGateReport report)
    {
        var text = new StringBuilder();
        text.AppendLine($"# Release gate: {(report.Passed ? "PASSED" : "FAILED")}").AppendLine();
        text.AppendLine($"Baseline `{report.BaselinePath}` ({report.Baseline.Generator}, {report.Baseline.Runs} run(s), {report.Baseline.CreatedAt:u}); " +
            $"now {report.Now.Generator}, {report.Now.Runs} run(s), {report.Now.CreatedAt:u}. Settings: {report.Now.Settings}.").AppendLine();
        if (report.ConfigVersion is { } version)
        {
            text.AppendLine($"Assistant version evaluated: `{version}`.").AppendLine();
        }
        text.AppendLine("The `all` rows decide; `dev` (thresholds tuned here) and `held-out` (reported only) are shown alongside.").AppendLine();
        foreach (var note in report.Notes)
        {
            text.AppendLine($"- {note}");
        }
        foreach (var split in report.Rows.GroupBy(r => r.Split))
        {
            text.AppendLine().AppendLine($"## {split.Key}").AppendLine();
            text.AppendLine("| metric | baseline | now | delta | absolute gate | regression gate | result |");
            text.AppendLine("|---|---|---|---|---|---|---|");
            foreach (var row in split)
            {
                var now = row.Interval is { Runs: > 1 } i ? $"{Number(row.Now)} [{Number(i.Low)}, {Number(i.High)}]" : Number(row.Now);
                text.AppendLine($"| {row.Metric} | {Number(row.Baseline)} | {now} | {Number(row.Delta)} | {row.AbsoluteGate} | {row.RegressionGate} | {row.Result} |");
            }
            text.AppendLine().AppendLine(Chart(split.ToList()));
        }
        text.AppendLine().AppendLine($"## Cases that flipped ({report.Flips.Count})").AppendLine();
        if (report.Flips.Count == 0)
        {
            text.AppendLine("None: every case behaved as in the baseline.");
        }
        else
        {
            text.AppendLine("| case | signal | before | after |").AppendLine("|---|---|---|---|");
            foreach (var flip in report.Flips)
            {
                text.AppendLine($"| {flip.CaseId} | {flip.Signal} | {Cell(flip.Before)} | {Cell(flip.After)} |");
            }
        }
        return text.ToString();
    }

    /// <summary>Two bars per metric, baseline (grey) over now (blue, red when the row failed).</summary>
    public static string Chart(IReadOnlyList<MetricComparison> rows)
    {
        var height = rows.Count * RowHeight * 2 + 30;
        var svg = new StringBuilder();
        svg.Append(CultureInfo.InvariantCulture, $"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{LabelWidth + BarWidth + 120}\" height=\"{height}\" font-family=\"sans-serif\" font-size=\"12\">");
        svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{LabelWidth}\" y=\"14\" fill=\"#888\">baseline</text><text x=\"{LabelWidth + 70}\" y=\"14\" fill=\"#2b6cb0\">now</text>");
        var y = 24;
        foreach (var row in rows)
        {
            var scale = Math.Max(Math.Max(row.Baseline ?? 0, row.Now), 1e-12);
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"0\" y=\"{y + 16}\">{WebUtility.HtmlEncode(row.Metric)}</text>");
            Bar(svg, y, row.Baseline ?? 0, scale, "#bbb");
            Bar(svg, y + RowHeight - 6, row.Now, scale, row.Failed ? "#c53030" : "#2b6cb0");
            y += RowHeight * 2;
        }
        return svg.Append("</svg>").ToString();
    }

    private static void Bar(StringBuilder svg, int y, double value, double scale, string colour)
    {
        var width = Math.Round(BarWidth * value / scale, 1);
        svg.Append(CultureInfo.InvariantCulture, $"<rect x=\"{LabelWidth}\" y=\"{y}\" width=\"{width}\" height=\"16\" fill=\"{colour}\"/>");
        svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{LabelWidth + width + 4}\" y=\"{y + 12}\">{Number(value)}</text>");
    }

    private static string Number(double? value) => value is { } v ? v.ToString("0.####", CultureInfo.InvariantCulture) : "–";

    private static string Cell(string value) => value.Length == 0 ? "(none)" : value.Replace("|", "\\|", StringComparison.Ordinal);
}
