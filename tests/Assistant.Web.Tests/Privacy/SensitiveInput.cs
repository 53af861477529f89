using System.Text;

namespace Assistant.Web.Tests.Privacy;

/// <summary>Sensitive values a customer might type, and every form in which they must never be found afterwards.</summary>
internal static class SensitiveInput
{
    public const string Card = "4111 1111 1111 1111";
    public const string Ssn = "123-45-6789";
    public const string ApiKey = "sk-proj-Q7mX2vLp9RtK4wZs8NbH3cJd";
    public const string Password = "Tr0ub4dor-3x";

    public static readonly string Message = $"My card is {Card} and my SSN is {Ssn}. My API key is {ApiKey} and my password is {Password}.";

    // As typed, and as a program might rewrite them (separators dropped or changed, URL-encoded), so a copy is found too.
    private static readonly string[] Needles =
    [
        Card, "4111111111111111", "4111-1111-1111-1111", "4111%201111%201111%201111", "4111+1111+1111+1111",
        Ssn, "123 45 6789", "123456789", "123%2045%206789", ApiKey, "Q7mX2vLp9RtK4wZs8NbH3cJd", Password,
    ];

    public static IReadOnlyList<string> FoundIn(string text) => [.. Needles.Where(needle => text.Contains(needle, StringComparison.Ordinal))];

    /// <summary>Every needle in every byte of every file under <paramref name="directory"/>, as UTF-8 or UTF-16 text.</summary>
    public static IReadOnlyList<string> FoundInFiles(string directory, out IReadOnlyList<string> scanned)
    {
        var files = Directory.GetFiles(directory, "*", SearchOption.AllDirectories);
        scanned = [.. files.Select(Path.GetFileName)!];
        var found = new List<string>();
        foreach (var file in files)
        {
            byte[] bytes;
            // SQLite keeps the files open; share them so the scan reads what is on disk now.
            using (var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete))
            {
                bytes = new byte[stream.Length];
                stream.ReadExactly(bytes);
            }
            foreach (var needle in Needles)
            {
                if (bytes.AsSpan().IndexOf(Encoding.UTF8.GetBytes(needle)) >= 0 || bytes.AsSpan().IndexOf(Encoding.Unicode.GetBytes(needle)) >= 0)
                {
                    found.Add($"{Path.GetFileName(file)}: {needle}");
                }
            }
        }
        return found;
    }
}
