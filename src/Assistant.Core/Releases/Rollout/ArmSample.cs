namespace Assistant.Core.Releases.Rollout;

/// <summary>
/// What one arm of a rollout did since it started: questions answered (action cards and clarifying questions are
/// steps of another flow and do not count), drafted and unsupported sentences, ratings, declines, failures, the P95
/// time and the total cost.
/// </summary>
public sealed record ArmSample(
    int Questions,
    int DraftedSentences,
    int UnsupportedSentences,
    int Rated,
    int ThumbsDown,
    int Abstained,
    int Failed,
    double P95Milliseconds,
    decimal Cost)
{
    public static ArmSample Empty { get; } = new(0, 0, 0, 0, 0, 0, 0, 0, 0);

    public double UnsupportedRate => Ratio(UnsupportedSentences, DraftedSentences);

    public double ThumbsDownRate => Ratio(ThumbsDown, Rated);

    public double AbstentionRate => Ratio(Abstained, Questions);

    public double ErrorRate => Ratio(Failed, Questions);

    public double CostPerAnswer => Questions == 0 ? 0 : (double)(Cost / Questions);

    private static double Ratio(int part, int whole) => whole == 0 ? 0 : (double)part / whole;
}
