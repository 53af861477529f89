using System.Diagnostics.CodeAnalysis;
using System.Text;
using System.Text.RegularExpressions;

namespace Assistant.Core.Privacy;

/// <summary>
/// Finds payment card numbers, US Social Security numbers and typed secrets (API keys, tokens, passwords) in text a
/// user sends, and replaces each with a marker: <c>[card •••• 1111]</c>, <c>[SSN removed]</c>, <c>[secret removed]</c>.
/// Callers redact where user text enters (the chat, the OpenAI-compatible endpoint, tool arguments, feedback, handoffs,
/// search), before anything is stored, logged, retrieved with or sent to a model, so nothing downstream can echo it.
/// Redacting redacted text changes nothing.
/// </summary>
public static partial class SensitiveDataRedactor
{
    private static readonly RedactedText Empty = new("", []);

    public static RedactedText Redact(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return text is null ? Empty : new RedactedText(text, []);
        }
        var spans = CardNumbers.Find(text)
            .Concat(SocialSecurityNumbers.Find(text))
            .Concat(Secrets.Find(text))
            .OrderBy(span => span.Start)
            .ThenByDescending(span => span.Length)
            .ToList();
        if (spans.Count == 0)
        {
            return new RedactedText(text, []);
        }

        var redacted = new StringBuilder(text.Length);
        var removed = new List<SensitiveDataKind>();
        var position = 0;
        foreach (var span in spans)
        {
            // Overlaps ("password: 4111 1111 1111 1111" is a card and a secret): the earlier, longer find covers it.
            if (span.Start < position)
            {
                continue;
            }
            redacted.Append(text, position, span.Start - position).Append(span.Marker);
            position = span.End;
            if (!removed.Contains(span.Kind))
            {
                removed.Add(span.Kind);
            }
        }
        redacted.Append(text, position, text.Length - position);
        return new RedactedText(redacted.ToString(), removed);
    }

    /// <summary>The kinds whose markers a stored text carries, so a reopened conversation can show its notice again.</summary>
    public static IReadOnlyList<SensitiveDataKind> MarkersIn(string text)
    {
        var kinds = new List<SensitiveDataKind>();
        if (text.Contains(CardNumbers.MarkerStart, StringComparison.Ordinal))
        {
            kinds.Add(SensitiveDataKind.CardNumber);
        }
        if (text.Contains(SocialSecurityNumbers.Marker, StringComparison.Ordinal))
        {
            kinds.Add(SensitiveDataKind.SocialSecurityNumber);
        }
        if (text.Contains(Secrets.Marker, StringComparison.Ordinal))
        {
            kinds.Add(SensitiveDataKind.Secret);
        }
        return kinds;
    }

    /// <summary>
    /// The text without the markers redaction left: what to search and judge coverage with, since "[card •••• 1111]"
    /// is no word of the question (it pulled in payment articles and showed up in decline reasons as "'[card'").
    /// </summary>
    public static string WithoutMarkers(string text) => MarkerPattern().Replace(text, " ").Trim();

    [GeneratedRegex(@"\[card •••• \d{4}\]|\[SSN removed\]|\[secret removed\]")]
    private static partial Regex MarkerPattern();

    /// <summary>The text with sensitive data replaced; null stays null.</summary>
    [return: NotNullIfNotNull(nameof(text))]
    public static string? Clean(string? text) => text is null ? null : Redact(text).Text;
}
