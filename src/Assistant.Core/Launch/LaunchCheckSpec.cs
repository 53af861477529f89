namespace Assistant.Core.Launch;

/// <summary>What a check is, independent of the evidence: its id, title, definition and fix. Makes its items.</summary>
public sealed record LaunchCheckSpec(string Id, string Title, string Definition, LaunchFix Fix)
{
    public LaunchItem Ready(string detail) => new(Id, Title, Definition, LaunchState.Ready, detail, Fix);

    public LaunchItem NotReady(string detail) => new(Id, Title, Definition, LaunchState.NotReady, detail, Fix);

    public LaunchItem Unknown(string detail) => new(Id, Title, Definition, LaunchState.Unknown, detail, Fix);
}
