using Xunit;

namespace Assistant.Core.Tests.Architecture;

/// <summary>
/// Dependencies between Core's features point one way: if Answers uses Tracing, Tracing does not use Answers. A
/// two-way pair means neither can be read, tested or replaced without the other; one of them owns the shared concept.
/// </summary>
public sealed class NamespaceCycleTests
{
    [Fact]
    public void No_two_core_features_depend_on_each_other()
    {
        var references = CoreSource.References();
        var edges = references.ToLookup(reference => (reference.From, reference.To));
        var cycles = new List<string>();
        foreach (var from in CoreSource.Features)
        {
            foreach (var to in CoreSource.Features.Where(to => string.CompareOrdinal(from, to) < 0))
            {
                if (edges[(from, to)].Any() && edges[(to, from)].Any())
                {
                    cycles.Add($"{from} ⇄ {to}:\n  {from} → {to} in {string.Join(", ", edges[(from, to)])}\n  {to} → {from} in {string.Join(", ", edges[(to, from)])}");
                }
            }
        }
        Assert.True(cycles.Count == 0, "Core features that depend on each other (move the shared type to its owner, or invert with an interface):\n" + string.Join("\n", cycles));
    }

    [Fact]
    public void Core_features_form_no_longer_cycle_either()
    {
        var references = CoreSource.References();
        var edges = references.ToLookup(reference => reference.From);
        var cycle = FindCycle(CoreSource.Features, feature => edges[feature].Select(reference => reference.To).Distinct());

        Assert.True(cycle is null, cycle is null ? "" : "Core features that depend on each other in a circle: " + string.Join(" → ", cycle.Zip(cycle.Skip(1),
            (from, to) => $"{from} ({edges[from].First(reference => reference.To == to)})")) + $" → {cycle[^1]}");
    }

    /// <summary>A path that starts and ends on the same feature (depth-first search), or null when the graph has none.</summary>
    internal static List<string>? FindCycle(IEnumerable<string> features, Func<string, IEnumerable<string>> next)
    {
        var done = new HashSet<string>(StringComparer.Ordinal);
        var path = new List<string>();
        List<string>? Visit(string feature)
        {
            if (path.IndexOf(feature) is var start and >= 0)
            {
                return [.. path[start..], feature];
            }
            if (!done.Add(feature))
            {
                return null;
            }
            path.Add(feature);
            foreach (var target in next(feature))
            {
                if (Visit(target) is { } cycle)
                {
                    return cycle;
                }
            }
            path.RemoveAt(path.Count - 1);
            return null;
        }
        return features.Select(Visit).FirstOrDefault(cycle => cycle is not null);
    }

    [Fact]
    public void A_circle_of_three_features_is_found_and_a_chain_is_not()
    {
        var circle = new Dictionary<string, string[]> { ["Answers"] = ["Tracing"], ["Tracing"] = ["Storage"], ["Storage"] = ["Answers"] };
        var chain = new Dictionary<string, string[]> { ["Answers"] = ["Tracing"], ["Tracing"] = ["Storage"], ["Storage"] = [] };

        Assert.Equal(["Answers", "Tracing", "Storage", "Answers"], FindCycle(circle.Keys, feature => circle[feature]));
        Assert.Null(FindCycle(chain.Keys, feature => chain[feature]));
    }

    [Fact]
    public void The_scan_sees_usings_and_qualified_names_but_not_comments_or_other_words()
    {
        var names = CoreSource.KnownNames(typeof(AssistantOptions).Assembly);
        const string text = """
            using Assistant.Core.Storage;
            /// <see cref="Privacy.SensitiveDataRedactor"/>
            var flags = Retrieval.SearchHit.Empty; // Audit.IAuditLog
            var length = Text.Length;
            """;

        var references = CoreSource.Find("Answers", "Answers/Example.cs", text, names).ToList();

        Assert.Equal(["Storage:1", "Retrieval:3"], references.Select(reference => $"{reference.To}:{reference.Line}"));
    }

    [Fact]
    public void Every_core_feature_folder_is_scanned()
    {
        Assert.Contains("Answers", CoreSource.Features);
        Assert.Contains("Tracing", CoreSource.Features);
        Assert.Contains(CoreSource.References(), reference => reference is { From: "Answers", To: "Retrieval" });
    }
}
