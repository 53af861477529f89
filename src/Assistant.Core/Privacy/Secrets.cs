using System.Text.RegularExpressions;

namespace Assistant.Core.Privacy;

/// <summary>
/// Credentials typed into a message: API keys recognisable by their shape (OpenAI/Anthropic <c>sk-</c>, GitHub
/// <c>ghp_</c>, AWS <c>AKIA</c>, Google <c>AIza</c>, Slack <c>xox?-</c>, Stripe <c>sk_live_</c>), JSON web tokens,
/// bearer tokens, private keys, passwords in URLs, and values given a secret's name ("password: …", "my password is
/// …", "api key = …"). For a named value only the value goes, so the message still reads "my password is [secret
/// removed]". Ordinary words after the name are not values: "my password is not working" keeps every word.
/// </summary>
internal static partial class Secrets
{
    public const string Marker = "[secret removed]";

    // Whole-match patterns: the shape alone says it is a credential. Keys need a digit, so "sk-learn-tutorials" is prose.
    private static readonly Regex[] Shaped =
    [
        KeyPrefixed(),
        GitHubToken(),
        AwsAccessKey(),
        GoogleApiKey(),
        SlackToken(),
        StripeKey(),
        JsonWebToken(),
        PrivateKey(),
    ];

    [GeneratedRegex(@"\bsk-(?=[A-Za-z_\-]*[0-9])[A-Za-z0-9_\-]{20,}")]
    private static partial Regex KeyPrefixed();

    [GeneratedRegex(@"\b(?:gh[pousr]_[A-Za-z0-9]{30,}|github_pat_[A-Za-z0-9_]{30,})")]
    private static partial Regex GitHubToken();

    [GeneratedRegex(@"\b(?:AKIA|ASIA|ABIA|ACCA)[A-Z0-9]{16}\b")]
    private static partial Regex AwsAccessKey();

    [GeneratedRegex(@"\bAIza[0-9A-Za-z_\-]{35}")]
    private static partial Regex GoogleApiKey();

    [GeneratedRegex(@"\bxox[abposr]-[A-Za-z0-9\-]{10,}")]
    private static partial Regex SlackToken();

    [GeneratedRegex(@"\b(?:sk|rk)_(?:live|test)_[A-Za-z0-9]{16,}")]
    private static partial Regex StripeKey();

    [GeneratedRegex(@"\beyJ[A-Za-z0-9_\-]{8,}\.eyJ[A-Za-z0-9_\-]{8,}\.[A-Za-z0-9_\-]{8,}")]
    private static partial Regex JsonWebToken();

    [GeneratedRegex(@"-----BEGIN [A-Z ]*PRIVATE KEY-----[\s\S]*?(?:-----END [A-Z ]*PRIVATE KEY-----|\z)")]
    private static partial Regex PrivateKey();

    // Value-only patterns: the words around it say a credential follows.
    [GeneratedRegex(@"\bbearer\s+(?<secret>[A-Za-z0-9._~+/\-]{16,}=*)", RegexOptions.IgnoreCase)]
    private static partial Regex BearerToken();

    [GeneratedRegex(@"[a-z][a-z0-9+.\-]*://[^/\s:@]+:(?<secret>[^/\s@]+)@", RegexOptions.IgnoreCase)]
    private static partial Regex UrlPassword();

    // "password: x", "password=x", "my password is x", "the password for my account was x", "API key - x".
    [GeneratedRegex("""
        \b(?<name>passwords?|passwd|pwd|passcode|passphrase|pin|api[\s_\-]?key|secret(?:[\s_\-]?key)?|client[\s_\-]?secret|(?:(?:access|auth|api|refresh)[\s_\-]?)?tokens?)\b
        (?:\s+(?:for|on|to|of)(?:\s+[\w.@\-]+){1,3}?)?
        (?:\s*[:=]\s*|\s+(?:is|was|are)\s*:?\s*)
        ["'“‘]?(?<secret>[^\s"'”’]+)
        """, RegexOptions.IgnoreCase | RegexOptions.IgnorePatternWhitespace)]
    private static partial Regex NamedValue();

    public static IEnumerable<SensitiveSpan> Find(string text)
    {
        foreach (var pattern in Shaped)
        {
            foreach (Match match in pattern.Matches(text))
            {
                yield return new SensitiveSpan(match.Index, match.Length, SensitiveDataKind.Secret, Marker);
            }
        }
        foreach (var pattern in new[] { BearerToken(), UrlPassword() })
        {
            foreach (Match match in pattern.Matches(text))
            {
                var secret = match.Groups["secret"];
                yield return new SensitiveSpan(secret.Index, secret.Length, SensitiveDataKind.Secret, Marker);
            }
        }
        foreach (Match match in NamedValue().Matches(text))
        {
            if (NamedValueSpan(match) is { } span)
            {
                yield return span;
            }
        }
    }

    private static SensitiveSpan? NamedValueSpan(Match match)
    {
        var secret = match.Groups["secret"];
        // "my password is hunter2." ends the sentence; the full stop is not part of the password.
        var value = secret.Value.TrimEnd('.', ',', ';', '!', '?', ')');
        if (value.Length == 0 || value.StartsWith('[') || OrdinaryWords.Describes(value))
        {
            return null;
        }
        var name = match.Groups["name"].Value.ToLowerInvariant();
        var plausible = name switch
        {
            "pin" => value.Length is >= 4 and <= 8 && value.All(char.IsAsciiDigit),
            _ when name.Contains("key") || name.Contains("token") || name.Contains("secret") => value.Length >= 8,
            _ => value.Length >= 3,
        };
        return plausible ? new SensitiveSpan(secret.Index, value.Length, SensitiveDataKind.Secret, Marker) : null;
    }
}
