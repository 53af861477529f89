namespace Assistant.Cli.Benchmarks;

/// <summary>
/// The questions a load run asks, by position in the golden set. Repeated, they are help-center traffic, where the
/// same questions come back and caches keyed by a question's text (query vectors) help. Unique, every message
/// differs from all before it, but only in the spacing between its words: what the question means, retrieves and
/// answers stays the same, while nothing cached by text can help, so the figures are the cost of new questions.
/// </summary>
internal sealed class LoadQuestions(IReadOnlyList<string> questions, bool unique)
{
    // Gaps of one to eight spaces: a question of four words has 8^3 = 512 spellings before one repeats.
    private const int SpacingChoices = 8;
    private readonly int[] _asked = new int[questions.Count];

    public int Count => questions.Count;

    public bool Unique => unique;

    public string At(int position)
    {
        var index = position % questions.Count;
        return unique ? Respaced(questions[index], Interlocked.Increment(ref _asked[index]) - 1) : questions[index];
    }

    /// <summary>The question with its word gaps widened by the digits of <paramref name="variant"/> in base <see cref="SpacingChoices"/>.</summary>
    public static string Respaced(string question, int variant)
    {
        var words = question.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var spelled = new System.Text.StringBuilder(words[0]);
        foreach (var word in words.Skip(1))
        {
            spelled.Append(' ', 1 + variant % SpacingChoices).Append(word);
            variant /= SpacingChoices;
        }
        return spelled.ToString();
    }
}
