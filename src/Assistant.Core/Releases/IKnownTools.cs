namespace Assistant.Core.Releases;

/// <summary>
/// The tools this deployment registers, by name: what the configured version enables and what a version may name.
/// Actions supplies it (Releases knows no tools); without Actions there are none.
/// </summary>
public interface IKnownTools
{
    IReadOnlyList<string> Names { get; }
}
