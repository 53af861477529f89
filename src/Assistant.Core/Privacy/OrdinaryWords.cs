namespace Assistant.Core.Privacy;

/// <summary>
/// Words that follow "my password is" in a question about passwords rather than in a password: states, function
/// words, and words ending -ed or -ing ("expired", "not working"). A real password that is such a word is missed; that
/// trade keeps ordinary help questions readable.
/// </summary>
internal static class OrdinaryWords
{
    private static readonly HashSet<string> Words = new(StringComparer.OrdinalIgnoreCase)
    {
        "a", "an", "the", "my", "your", "our", "its", "this", "that", "it", "not", "no", "none", "never", "always", "still", "now",
        "just", "only", "also", "too", "very", "so", "and", "or", "but", "if", "in", "on", "at", "for", "to", "of", "from", "with",
        "what", "how", "why", "when", "where", "which", "who", "there", "here", "wrong", "incorrect", "invalid", "correct", "right",
        "ok", "okay", "fine", "good", "bad", "broken", "weak", "strong", "long", "short", "empty", "blank", "same", "different",
        "new", "old", "mine", "yours", "secure", "insecure", "unknown", "valid", "active", "inactive", "lost", "stolen", "set",
        "reset", "required", "needed", "missing", "case-sensitive", "sensitive", "visible", "hidden", "shown", "expire", "expires",
        "change", "changes", "work", "works", "policy", "rules", "requirements", "length", "limit", "format", "field", "box",
        "manager", "protected", "about", "like", "than", "be", "been", "being", "is", "are", "was", "were", "has", "have", "had",
        "please", "help", "hi", "hello", "thanks", "i", "we", "you", "they", "me", "us", "forgot", "cannot", "can't", "don't",
        "doesn't", "won't", "didn't", "isn't", "should", "must", "can", "could", "will", "would", "may", "might", "does", "do", "did", "any", "all", "some", "one",
    };

    public static bool Describes(string value)
    {
        var word = value.TrimEnd('.', ',', ';', '!', '?', ':');
        return Words.Contains(word)
            || (word.Length > 4 && word.All(char.IsAsciiLetter) && (word.EndsWith("ed", StringComparison.OrdinalIgnoreCase) || word.EndsWith("ing", StringComparison.OrdinalIgnoreCase)));
    }
}
