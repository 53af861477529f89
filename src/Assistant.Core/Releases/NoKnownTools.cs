namespace Assistant.Core.Releases;

/// <summary>A host without tool actions (no AddAssistantActions): versions enable no tools.</summary>
internal sealed class NoKnownTools : IKnownTools
{
    public IReadOnlyList<string> Names => [];
}
