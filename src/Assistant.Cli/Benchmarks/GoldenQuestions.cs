using System.Text.Json;

namespace Assistant.Cli.Benchmarks;

/// <summary>The golden set's user turns, in file order: realistic questions, follow-ups and traps to load the host with.</summary>
internal static class GoldenQuestions
{
    public static IReadOnlyList<string> Load(string path) =>
        File.ReadLines(path)
            .Where(line => !string.IsNullOrWhiteSpace(line))
            .SelectMany(line =>
            {
                using var json = JsonDocument.Parse(line);
                return json.RootElement.GetProperty("turns").EnumerateArray().Select(turn => turn.GetString()!).ToList();
            })
            .ToList();
}
