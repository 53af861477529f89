namespace Assistant.Core.Releases;

/// <summary>
/// One line of a diff between two versions' settings: the setting's dotted path ("answers.supportThreshold") and its
/// value before and after, as shown to people (null when absent on that side).
/// </summary>
public sealed record SettingChange(string Setting, string? Before, string? After);
