using Assistant.Core.Knowledge.Screening;
using Assistant.Core.Retrieval;
using Assistant.Core.Storage;

namespace Assistant.Core.Answers;

/// <summary>A retrieved passage as the generator sees it: numbered [1], [2], ... in retrieval order.</summary>
public sealed record Passage(int Number, SearchHit Hit)
{
    public string Text => Hit.Text;

    private readonly IReadOnlyList<ContentFlag> _untrusted = [];

    /// <summary>Its open content flags: sentences that speak to the assistant (source offsets). They are data, never evidence.</summary>
    public IReadOnlyList<ContentFlag> Untrusted
    {
        get => _untrusted;
        init
        {
            _untrusted = value;
            TrustedText = Blanked(value);
        }
    }

    /// <summary>
    /// The text with untrusted sentences blanked in place: what the composer may quote and the verifier may count as
    /// support. It has the passage's length, so quote offsets into it are offsets into <see cref="Text"/> too. Set
    /// with <see cref="Untrusted"/>, once, because the composer, the verifier and the disagreement check read it per
    /// sentence.
    /// </summary>
    public string TrustedText { get; private init; } = Hit.Text;

    /// <summary>The untrusted sentences' text, for the marked block of a model's prompt.</summary>
    public IEnumerable<string> UntrustedSentences => UntrustedRanges().Select(range => Text[range.Start..range.End].Trim()).Where(s => s.Length > 0);

    private string Blanked(IReadOnlyList<ContentFlag> untrusted)
    {
        if (untrusted.Count == 0)
        {
            return Text;
        }
        var text = Text.ToCharArray();
        foreach (var (start, end) in UntrustedRanges())
        {
            Blanking.Blank(text, start, end);
        }
        return new string(text);
    }

    private IEnumerable<(int Start, int End)> UntrustedRanges() =>
        _untrusted.Select(flag => (Math.Clamp(flag.Start - Hit.Start, 0, Text.Length), Math.Clamp(flag.End - Hit.Start, 0, Text.Length)))
            .Where(range => range.Item2 > range.Item1);
}
