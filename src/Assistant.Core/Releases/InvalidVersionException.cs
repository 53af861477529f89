namespace Assistant.Core.Releases;

/// <summary>Settings or an id that <see cref="VersionRules"/> refuses; <see cref="Problems"/> names every one (HTTP 400).</summary>
public sealed class InvalidVersionException(IReadOnlyDictionary<string, string[]> problems)
    : ArgumentException("The version is not valid. " + VersionRules.Describe(problems))
{
    public IReadOnlyDictionary<string, string[]> Problems { get; } = problems;
}
