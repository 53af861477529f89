using System.Globalization;

namespace Assistant.Core.Evaluation.Release;

/// <summary>
/// Compares a run with a baseline, metric by metric and split by split, against the rules of evals/gates.json, and
/// lists the cases that flipped. A regression gate fails when a metric got worse by more than its maxRegression and,
/// for repeated runs, the 95 % interval of the current runs lies wholly on the worse side of the baseline: a
/// difference the runs' own spread can explain is noise, not a regression.
/// </summary>
public static class BaselineComparer
{
    public static IReadOnlyList<MetricComparison> Compare(IReadOnlyList<GateRule> rules, ReleaseSnapshot baseline, ReleaseSnapshot now, string? skipLatencyReason = null)
    {
        var rows = new List<MetricComparison>();
        foreach (var split in now.Splits.Keys)
        {
            foreach (var rule in rules)
            {
                if (now.Value(split, rule.Key) is not { } value)
                {
                    continue;
                }
                rows.Add(Row(rule, split, baseline.Value(split, rule.Key), value, now.Interval(split, rule.Key), skipLatencyReason));
            }
        }
        return rows;
    }

    public static MetricComparison Row(GateRule rule, string split, double? baseline, double now, MetricInterval? interval, string? skipLatencyReason)
    {
        var absoluteGate = $"{(rule.HigherIsBetter ? ">=" : "<=")} {Format(rule.Threshold)}";
        var regressionGate = rule.MaxRegression is { } max ? $"worse by <= {Format(max)}" : "none";
        var decides = split == ReleaseSnapshot.All;
        if (rule.IsLatency && skipLatencyReason is not null)
        {
            var skipped = $"skipped: {skipLatencyReason}";
            return new MetricComparison(split, rule.Key, baseline, now, interval, absoluteGate, regressionGate, skipped, skipped, decides);
        }
        var absolute = rule.PassesAbsolute(now) ? MetricComparison.Pass : MetricComparison.Fail;
        var regression = (baseline, rule.MaxRegression) switch
        {
            (null, _) => "n/a (not in baseline)",
            (_, null) => "n/a",
            ({ } b, { } allowed) => IsRegression(rule, b, now, allowed, interval) ? MetricComparison.Fail : MetricComparison.Pass,
        };
        return new MetricComparison(split, rule.Key, baseline, now, interval, absoluteGate, regressionGate, absolute, regression, decides);
    }

    /// <summary>Worse than the baseline by more than <paramref name="max"/>, and (with an interval) not explained by noise.</summary>
    public static bool IsRegression(GateRule rule, double baseline, double now, double max, MetricInterval? interval)
    {
        // Rounding to 6 places keeps 0.97 - 0.96 from failing a 0.01 allowance on a floating-point hair.
        if (Math.Round(rule.Worsening(baseline, now), 6) <= max)
        {
            return false;
        }
        if (interval is null || interval.Runs < 2)
        {
            return true;
        }
        return rule.HigherIsBetter ? interval.High < baseline : interval.Low > baseline;
    }

    /// <summary>Every signal of every case that differs between the two runs; cases only in one run are listed as added or removed.</summary>
    public static IReadOnlyList<CaseFlip> Flips(ReleaseSnapshot baseline, ReleaseSnapshot now)
    {
        var flips = new List<CaseFlip>();
        foreach (var (id, signals) in now.Cases.OrderBy(c => c.Key, StringComparer.Ordinal))
        {
            if (!baseline.Cases.TryGetValue(id, out var before))
            {
                flips.Add(new CaseFlip(id, "case", "(absent)", "added"));
                continue;
            }
            foreach (var (signal, after) in signals.OrderBy(s => s.Key, StringComparer.Ordinal))
            {
                var was = before.TryGetValue(signal, out var value) ? value : "(absent)";
                if (was != after)
                {
                    flips.Add(new CaseFlip(id, signal, was, after));
                }
            }
        }
        flips.AddRange(baseline.Cases.Keys.Where(id => !now.Cases.ContainsKey(id)).Order(StringComparer.Ordinal)
            .Select(id => new CaseFlip(id, "case", "present", "(removed)")));
        return flips;
    }

    public static string Format(double value) => value.ToString("0.######", CultureInfo.InvariantCulture);
}
