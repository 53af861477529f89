using System.Security.Cryptography;
using System.Text;
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
    public const string Dev = "dev";
    public const string HeldOut = "held-out";

    public bool ShouldDecline => Type == "unanswerable";

    /// <summary>
    /// <see cref="Dev"/> or <see cref="HeldOut"/>: a third of the cases, by a hash of the id (stable across runs,
    /// machines and edits of other cases), are held out. Thresholds are tuned on dev; held-out figures are only reported.
    /// </summary>
    public string Split => SHA256.HashData(Encoding.UTF8.GetBytes(Id))[0] % 3 == 0 ? HeldOut : Dev;

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
