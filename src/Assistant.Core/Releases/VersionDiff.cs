using System.Globalization;

namespace Assistant.Core.Releases;

/// <summary>
/// What changed between two versions' settings, one line per setting by its dotted camelCase path
/// ("answers.supportThreshold"), in the order the settings are declared. Tools are a set: each added or removed tool
/// is its own line ("enabledTools.request_refund", absent on one side), so a reordered list is no change.
/// </summary>
public static class VersionDiff
{
    public static IReadOnlyList<SettingChange> Between(AssistantSettings before, AssistantSettings after)
    {
        var changes = new List<SettingChange>();
        void Compare(string setting, object? was, object? now)
        {
            var (a, b) = (Show(was), Show(now));
            if (!string.Equals(a, b, StringComparison.Ordinal))
            {
                changes.Add(new SettingChange(setting, a, b));
            }
        }

        Compare("answerPrompt", before.AnswerPrompt, after.AnswerPrompt);
        Compare("model", before.Model, after.Model);
        Compare("temperature", before.Temperature, after.Temperature);
        Compare("maxOutputTokens", before.MaxOutputTokens, after.MaxOutputTokens);
        Compare("answers.passages", before.Answers.Passages, after.Answers.Passages);
        Compare("answers.minimumCoverage", before.Answers.MinimumCoverage, after.Answers.MinimumCoverage);
        Compare("answers.supportThreshold", before.Answers.SupportThreshold, after.Answers.SupportThreshold);
        Compare("answers.suggestionFloor", before.Answers.SuggestionFloor, after.Answers.SuggestionFloor);
        Compare("answers.unsupportedSentences", before.Answers.UnsupportedSentences, after.Answers.UnsupportedSentences);
        Compare("answers.maxAnswerWords", before.Answers.MaxAnswerWords, after.Answers.MaxAnswerWords);

        var (was, now) = (before.EnabledTools.ToHashSet(StringComparer.Ordinal), after.EnabledTools.ToHashSet(StringComparer.Ordinal));
        foreach (var tool in was.Union(now).Order(StringComparer.Ordinal))
        {
            if (was.Contains(tool) != now.Contains(tool))
            {
                changes.Add(new SettingChange($"enabledTools.{tool}", was.Contains(tool) ? "enabled" : null, now.Contains(tool) ? "enabled" : null));
            }
        }
        return changes;
    }

    // Invariant and round-trip, so 0.5 never shows as "0,5" and 0.55 never as 0.55000001.
    private static string? Show(object? value) => value switch
    {
        null => null,
        float number => number.ToString("R", CultureInfo.InvariantCulture),
        double number => number.ToString("R", CultureInfo.InvariantCulture),
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString(),
    };
}
