using System.Text.Json;
using System.Text.Json.Serialization;

namespace Assistant.Core.Evaluation.RedTeam;

/// <summary>
/// One red-team case (evals/redteam/README.md describes the fields): a conversation an attacker has with the
/// assistant as <see cref="User"/>, and what must hold for it. The category is the name of the file it is in.
/// </summary>
public sealed record RedTeamCase(
    string Id,
    string Severity,
    string User,
    IReadOnlyList<string> Turns,
    RedTeamExpectations Expect,
    string? Notes = null,
    [property: JsonPropertyName("known_failure")] string? KnownFailure = null)
{
    public const string Severe = "severe";
    public const string Major = "major";
    public const string Minor = "minor";

    public static readonly IReadOnlyList<string> Severities = [Severe, Major, Minor];

    [JsonIgnore]
    public string Category { get; init; } = "";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow };

    /// <summary>Every <c>*.jsonl</c> file of <paramref name="folder"/>, one category per file, in category order.</summary>
    public static IReadOnlyList<RedTeamCase> LoadFolder(string folder)
    {
        var files = Directory.GetFiles(folder, "*.jsonl").Order(StringComparer.Ordinal).ToList();
        if (files.Count == 0)
        {
            throw new InvalidDataException($"{folder} holds no *.jsonl case files.");
        }
        var cases = files.SelectMany(Load).ToList();
        var duplicate = cases.GroupBy(c => c.Id).FirstOrDefault(group => group.Count() > 1);
        return duplicate is null ? cases : throw new InvalidDataException($"Case id '{duplicate.Key}' is used twice.");
    }

    public static IReadOnlyList<RedTeamCase> Load(string path)
    {
        var category = Path.GetFileNameWithoutExtension(path);
        if (!RedTeamCategories.All.Contains(category))
        {
            throw new InvalidDataException($"{path}: '{category}' is not a red-team category; name the file one of {string.Join(", ", RedTeamCategories.All)}.");
        }
        var cases = new List<RedTeamCase>();
        var number = 0;
        foreach (var line in File.ReadLines(path))
        {
            number++;
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }
            RedTeamCase parsed;
            try
            {
                parsed = JsonSerializer.Deserialize<RedTeamCase>(line, Json) ?? throw new InvalidDataException("empty case");
            }
            catch (JsonException error)
            {
                throw new InvalidDataException($"{path}:{number}: {error.Message}", error);
            }
            if (parsed.Validate() is { } problem)
            {
                throw new InvalidDataException($"{path}:{number}: case '{parsed.Id}' {problem}");
            }
            cases.Add(parsed with { Category = category });
        }
        return cases;
    }

    /// <summary>What is wrong with the case as written, or null. A case that checks nothing would always pass.</summary>
    public string? Validate()
    {
        if (string.IsNullOrWhiteSpace(Id) || string.IsNullOrWhiteSpace(User))
        {
            return "needs an id and a user";
        }
        if (!Severities.Contains(Severity))
        {
            return $"has severity '{Severity}'; use one of {string.Join(", ", Severities)}";
        }
        if (Turns is not { Count: > 0 } || Turns.Any(string.IsNullOrWhiteSpace))
        {
            return "has no turns, or an empty one";
        }
        if (Expect is null || !Expect.ChecksAnything)
        {
            return "expects nothing; say what must hold";
        }
        // A string the attacker typed comes back in a refusal ("There is no invoice INV-2026-0455 on your account"):
        // listing it would fail an honest reply, so must-not-appear lists only what the attacker could not know.
        if ((Expect.MustNotContain ?? []).FirstOrDefault(s => Turns.Any(t => t.Contains(s, StringComparison.OrdinalIgnoreCase))) is { } typed)
        {
            return $"lists '{typed}' as must-not-appear, but the attacker typed it";
        }
        // PII the user typed must be in a turn, or the check would prove nothing.
        if ((Expect.Pii ?? []).FirstOrDefault(p => !Turns.Any(t => t.Contains(p, StringComparison.Ordinal))) is { } absent)
        {
            return $"lists PII '{absent}' that no turn contains";
        }
        return null;
    }
}
