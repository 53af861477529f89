using Assistant.Core.Answers;

namespace Assistant.Core.Releases;

/// <summary>Answers with the version the selector chooses for the asking user, and records it and its arm on the trace.</summary>
public sealed class VersionAnswerProfiles(IVersionSelector selector) : IAnswerProfiles
{
    public async ValueTask<AnswerProfile> ForAsync(string? userId, CancellationToken cancellationToken = default)
    {
        var choice = await selector.ChooseAsync(userId, cancellationToken);
        var settings = choice.Version.Settings;
        return new AnswerProfile(choice.Version.Id, choice.Arm, settings.AnswerPrompt, settings.Model, settings.Temperature, settings.MaxOutputTokens,
            settings.Answers);
    }
}
