using Assistant.Core.Answers.Prompts;
using Assistant.Core.Models;
using Microsoft.Extensions.Options;

namespace Assistant.Core.Answers;

/// <summary>
/// The profile configuration describes (Assistant:Answers, Assistant:Model, the default prompt), for hosts that do not
/// add assistant versions (AddAssistantReleases replaces it). Records no version.
/// </summary>
public sealed class ConfiguredAnswerProfiles(IOptions<AnswerOptions> answers, IOptions<ModelOptions> model) : IAnswerProfiles
{
    private AnswerProfile? _profile;

    public ValueTask<AnswerProfile> ForAsync(string? userId, CancellationToken cancellationToken = default)
    {
        var options = answers.Value;
        return ValueTask.FromResult(_profile ??= new AnswerProfile(null, null, PromptLibrary.AnswerVersion,
            model.Value.IsConfigured ? model.Value.Model : null, null, null, options.Passages, options.MinimumCoverage, options.SupportThreshold,
            options.SuggestionFloor, options.UnsupportedSentences, options.MaxAnswerWords));
    }
}
