namespace Assistant.Core.Privacy;

/// <summary>What the chat tells a user whose message held sensitive data: which kinds were removed, in words.</summary>
public sealed record SensitiveDataNotice(IReadOnlyList<SensitiveDataKind> Removed, string Message)
{
    /// <summary>The notice for what was removed, or null when nothing was.</summary>
    public static SensitiveDataNotice? For(IReadOnlyList<SensitiveDataKind> removed) =>
        removed.Count == 0 ? null : new SensitiveDataNotice(removed, $"I removed {List(removed)} from your message before answering or saving it. "
            + "We never need these to help you, so please don't share them here.");

    private static string List(IReadOnlyList<SensitiveDataKind> removed)
    {
        var names = removed.Select(kind => kind switch
        {
            SensitiveDataKind.CardNumber => "a card number",
            SensitiveDataKind.SocialSecurityNumber => "a Social Security number",
            _ => "a password or key",
        }).ToList();
        return names.Count == 1 ? names[0] : $"{string.Join(", ", names[..^1])} and {names[^1]}";
    }
}
