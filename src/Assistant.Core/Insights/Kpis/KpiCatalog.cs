using System.Globalization;
using static Assistant.Core.Insights.Kpis.KpiUnit;

namespace Assistant.Core.Insights.Kpis;

/// <summary>
/// The KPIs of docs/PRODUCT.md's table, in the order the dashboard shows them. Target envelopes are the role guide's;
/// where the guide's envelope is relative ("+5–15 % uplift", "trending down"), the status rule is ours and says so.
/// </summary>
public static class KpiCatalog
{
    public static IReadOnlyList<KpiDefinition> All { get; } =
    [
        new("adoption", "Adoption", Share,
            "Share of the accounts the assistant is for (end users) that asked it at least one question in the period.",
            "distinct end-user accounts with a question in traces ÷ end-user accounts configured",
            "25–40 % of eligible users within 90 days",
            KpiRule.AtLeast(0.25, 0.10, Percent), KpiFormulas.Adoption),
        new("task-success", "Task success", Share,
            "Questions answered and not marked wrong; actions executed of those proposed.",
            "answered traces without a thumbs-down ÷ question traces (actions: executed ÷ proposed, shown beside it)",
            "+5–15 % uplift on targeted workflows",
            KpiRule.AtLeast(0.80, 0.60, Percent), KpiFormulas.TaskSuccess,
            window => KpiFormulas.ActionSuccess(window) is { } actions
                ? $"actions {Percent(actions)} executed ({window.ExecutedActions.Count()} of {window.Data.Actions.Count})"
                : "no actions proposed"),
        new("deflection", "Deflection", Share,
            "Conversations resolved without a handoff to a person (tickets are not stored yet, so only handoffs count).",
            "conversations with answers and no handoff ÷ conversations with answers",
            "5–20 % fewer tickets of the targeted kinds",
            KpiRule.AtLeast(0.80, 0.60, Percent), KpiFormulas.Deflection),
        new("hallucination", "Hallucination proxy", Share,
            "Answers with an unsupported sentence (removed or its citation marker invalid) or marked \"wrong answer\".",
            "answered traces with verification.removed > 0 or invalidMarkers > 0 or wrong-answer feedback ÷ answered traces",
            "< 2–5 % on critical intents",
            KpiRule.AtMost(0.02, 0.05, Percent), KpiFormulas.Hallucination),
        new("safety", "Safety flags", Share,
            "Replies a person flagged \"unsafe or inappropriate\" (red-team runs are counted by the release gate, not here).",
            "traces with unsafe feedback ÷ traces",
            "near zero for severe categories",
            KpiRule.AtMost(0, 0.001, Percent), KpiFormulas.Safety),
        new("escalation", "Escalation", PerConversation,
            "Handoffs to a person per conversation.",
            "handoffs created in the period ÷ conversations with answers",
            "trending down",
            KpiRule.NotRising(1.25, 1.5, 0.05, v => v.ToString("0.00", CultureInfo.InvariantCulture)), KpiFormulas.Escalation),
        new("report-rate", "Report rate", PerThousand,
            "Thumbs-down per 1,000 replies.",
            "traces with a thumbs-down × 1,000 ÷ traces",
            "stable or falling; investigate spikes at once",
            KpiRule.NotRising(1.2, 1.5, 20, v => v.ToString("0", CultureInfo.InvariantCulture) + " ‰"), KpiFormulas.ReportRate),
        new("latency", "Latency P95", Milliseconds,
            "Time from question to finished reply, 95th percentile (P50 beside it).",
            "nearest-rank percentile of traces' latency.totalMs",
            "P95 within the interactive SLA (3–8 s with a model)",
            KpiRule.AtMost(3_000, 8_000, Millis), KpiFormulas.LatencyP95,
            window => KpiFormulas.LatencyP50(window) is { } p50 ? $"P50 {Millis(p50)}" : null),
        new("cost-per-success", "Cost per successful task", Usd,
            "Model and embedding cost over successful answers and executed actions.",
            "sum of traces' cost ÷ (answered traces without a thumbs-down + executed actions)",
            "within the envelope (e.g. < $0.10–0.50)",
            KpiRule.AtMost(0.10, 0.50, Dollars), KpiFormulas.CostPerSuccessfulTask),
    ];
}
