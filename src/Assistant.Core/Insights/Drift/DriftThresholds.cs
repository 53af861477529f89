namespace Assistant.Core.Insights.Drift;

/// <summary>
/// The alert rules of the drift checks. Starting points, not yet calibrated on real traffic: term mixes of short
/// questions are sparse, so two periods of ordinary questions already diverge noticeably; a watch at 0.35 bits and an
/// alert at 0.55 leave room for that, and a new topic taking over most questions goes past both.
/// </summary>
public static class DriftThresholds
{
    public const string QueryMixId = "query-mix";
    public const string TopScoreId = "top-score";
    public const string AbstentionId = "abstention";

    /// <summary>Below this many questions in either period the query mix is not judged: a handful of questions always differ.</summary>
    public const int MinQuestions = 10;

    public const double QueryMixWatch = 0.35;
    public const double QueryMixAlert = 0.55;

    /// <summary>Relative fall of the median best retrieval score: retrieval finds less that matches the questions.</summary>
    public const double TopScoreDropWatch = 0.15;
    public const double TopScoreDropAlert = 0.30;

    /// <summary>Rise of the abstention rate, in percentage points of questions.</summary>
    public const double AbstentionRiseWatch = 0.05;
    public const double AbstentionRiseAlert = 0.10;
}
