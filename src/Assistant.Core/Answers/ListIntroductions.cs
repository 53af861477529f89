namespace Assistant.Core.Answers;

/// <summary>
/// A sentence that introduces a list ("These plans include single sign-on:") must not reach the user without the
/// list: when verification dropped the item after it, or it came last, the introduction goes too.
/// </summary>
public static class ListIntroductions
{
    public static List<AnswerSentence> DropDangling(IReadOnlyList<AnswerSentence> drafted, List<AnswerSentence> kept)
    {
        var keptSet = kept.ToHashSet(ReferenceEqualityComparer.Instance);
        var dangling = drafted
            .Where((sentence, i) => sentence.Text.EndsWith(':') && (i + 1 == drafted.Count || !keptSet.Contains(drafted[i + 1])))
            .ToHashSet(ReferenceEqualityComparer.Instance);
        return dangling.Count == 0 ? kept : kept.Where(sentence => !dangling.Contains(sentence)).ToList();
    }
}
