using System.Text.RegularExpressions;

namespace Assistant.Core.Launch;

/// <summary>
/// The alert names shipped in the Prometheus rule files. Read line by line (<c>- alert: Name</c>), which is the only
/// shape promtool accepts for an alerting rule's name, so no YAML library is needed for it.
/// </summary>
public static partial class AlertRuleFiles
{
    /// <summary>Every alert name in the folder's *.yml and *.yaml files, in file order, without duplicates.</summary>
    public static IReadOnlyList<string> Names(string directory)
    {
        var full = Path.GetFullPath(directory);
        if (!Directory.Exists(full))
        {
            return [];
        }
        return Directory.EnumerateFiles(full)
            .Where(file => file.EndsWith(".yml", StringComparison.OrdinalIgnoreCase) || file.EndsWith(".yaml", StringComparison.OrdinalIgnoreCase))
            .Order(StringComparer.Ordinal)
            .SelectMany(file => Parse(File.ReadAllText(file)))
            .Distinct(StringComparer.Ordinal)
            .ToList();
    }

    public static IEnumerable<string> Parse(string yaml) =>
        AlertLine().Matches(yaml).Select(match => match.Groups["name"].Value.Trim('"', '\''));

    [GeneratedRegex(@"^\s*(?:-\s*)?alert:\s*(?<name>[""']?[A-Za-z_:][A-Za-z0-9_:]*[""']?)\s*(?:#.*)?$", RegexOptions.Multiline)]
    private static partial Regex AlertLine();
}
