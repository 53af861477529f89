using Assistant.Core.Answers;

namespace Assistant.Core.Releases.Rollout;

/// <summary>One arm's answers added up as they are read, whichever database they come from.</summary>
internal sealed class ArmTally
{
    private readonly List<double> _milliseconds = [];
    private int _drafted, _unsupported, _rated, _down, _abstained, _failed;
    private decimal _cost;

    public void Add(string outcome, double milliseconds, decimal cost, int drafted, int supported, int rated, int down)
    {
        _milliseconds.Add(milliseconds);
        _cost += cost;
        _drafted += drafted;
        _unsupported += Math.Max(0, drafted - supported);
        _rated += rated > 0 ? 1 : 0;
        _down += down > 0 ? 1 : 0;
        _abstained += outcome == nameof(AnswerOutcome.Abstained) ? 1 : 0;
        _failed += outcome == nameof(AnswerOutcome.Failed) ? 1 : 0;
    }

    public ArmSample ToSample() =>
        new(_milliseconds.Count, _drafted, _unsupported, _rated, _down, _abstained, _failed, Percentile95(_milliseconds), _cost);

    // Nearest rank: the smallest value with at least 95 % of the sample at or below it.
    private static double Percentile95(List<double> values)
    {
        if (values.Count == 0)
        {
            return 0;
        }
        values.Sort();
        return values[(int)Math.Ceiling(0.95 * values.Count) - 1];
    }
}
