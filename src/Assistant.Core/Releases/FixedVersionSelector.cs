namespace Assistant.Core.Releases;

/// <summary>One version for everyone: what <c>assistant eval --config &lt;id&gt;</c> answers with.</summary>
public sealed class FixedVersionSelector(AssistantVersion version) : IVersionSelector
{
    private readonly VersionChoice _choice = new(version, ReleaseArm.Stable);

    public ValueTask<VersionChoice> ChooseAsync(string? userId, CancellationToken cancellationToken = default) => ValueTask.FromResult(_choice);
}
