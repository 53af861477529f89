using System.Text.Json;
using System.Text.Json.Serialization;

namespace Assistant.Core.Evaluation;

/// <summary>One golden-set case (evals/golden/README.md describes the fields).</summary>
public sealed record GoldenCase(
    string Id,
    string Type,
    IReadOnlyList<string> Turns,
    [property: JsonPropertyName("expected_articles")] IReadOnlyList<string> ExpectedArticles,
    IReadOnlyList<string> Facts,
    IReadOnlyList<string>? Forbidden,
    string? Notes)
{
    public bool ShouldDecline => Type == "unanswerable";

    public static IReadOnlyList<GoldenCase> Load(string path)
    {
        var cases = new List<GoldenCase>();
        var number = 0;
        foreach (var line in File.ReadLines(path))
        {
            number++;
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }
            var golden = JsonSerializer.Deserialize<GoldenCase>(line, new JsonSerializerOptions(JsonSerializerDefaults.Web))
                ?? throw new InvalidDataException($"{path}:{number}: empty case");
            if (golden.Turns is not { Count: > 0 })
            {
                throw new InvalidDataException($"{path}:{number}: case '{golden.Id}' has no turns");
            }
            cases.Add(golden);
        }
        return cases;
    }
}
