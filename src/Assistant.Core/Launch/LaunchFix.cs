namespace Assistant.Core.Launch;

/// <summary>Where to fix an item: a page of the product when there is one (<see cref="Href"/>), else what to do.</summary>
public sealed record LaunchFix(string Text, string? Href = null);
