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
        return ValueTask.FromResult(_profile ??= new AnswerProfile(null, null, PromptLibrary.AnswerVersion,
            model.Value.IsConfigured ? model.Value.Model : null, null, null, AnswerPolicy.From(answers.Value)));
    }
}
