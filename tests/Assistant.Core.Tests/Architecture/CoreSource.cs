using System.Text.RegularExpressions;

namespace Assistant.Core.Tests.Architecture;

/// <summary>
/// Reads Assistant.Core's source files, where a folder is a namespace: the top-level folders are the features, and a
/// file's dependencies on another feature are its using directives and qualified names that name a real namespace or
/// type of that feature (<c>Assistant.Core.Tracing.X</c>, or <c>Tracing.X</c> written inside <c>Assistant.Core</c>).
/// Comments do not count: a cref is documentation, not a dependency.
/// </summary>
internal static partial class CoreSource
{
    public static string RepositoryRoot { get; } = FindRepositoryRoot();

    public static string Folder { get; } = Path.Combine(RepositoryRoot, "src", "Assistant.Core");

    public static IReadOnlyList<string> Features { get; } = Directory.GetDirectories(Folder)
        .Select(Path.GetFileName).OfType<string>()
        .Where(name => name is not ("bin" or "obj"))
        .Order(StringComparer.Ordinal)
        .ToList();

    /// <summary>Every reference from a file of one feature to another feature, with the file and line that makes it.</summary>
    public static IReadOnlyList<FeatureReference> References()
    {
        var names = KnownNames(typeof(AssistantOptions).Assembly);
        var references = new List<FeatureReference>();
        foreach (var feature in Features)
        {
            foreach (var file in Directory.EnumerateFiles(Path.Combine(Folder, feature), "*.cs", SearchOption.AllDirectories))
            {
                var relative = Path.GetRelativePath(Folder, file).Replace('\\', '/');
                if (relative.Contains("/obj/", StringComparison.Ordinal) || relative.Contains("/bin/", StringComparison.Ordinal))
                {
                    continue;
                }
                references.AddRange(Find(feature, relative, File.ReadAllText(file), names));
            }
        }
        return references;
    }

    /// <summary>The references to other features in one file's text; <paramref name="names"/> holds every namespace and type name of Core.</summary>
    public static IEnumerable<FeatureReference> Find(string feature, string file, string text, IReadOnlySet<string> names)
    {
        var lines = text.Split('\n');
        for (var index = 0; index < lines.Length; index++)
        {
            var code = Comment().Replace(lines[index], "");
            var targets = AbsoluteName().Matches(code).Select(match => match.Groups["feature"].Value)
                .Concat(RelativeName().Matches(code)
                    .Where(match => names.Contains($"Assistant.Core.{match.Groups["feature"].Value}.{match.Groups["member"].Value}"))
                    .Select(match => match.Groups["feature"].Value));
            foreach (var target in targets.Where(target => target != feature && names.Contains($"Assistant.Core.{target}")).Distinct())
            {
                yield return new FeatureReference(feature, target, file, index + 1);
            }
        }
    }

    /// <summary>Every namespace (and each of its prefixes) and every type's full name in the assembly.</summary>
    public static IReadOnlySet<string> KnownNames(System.Reflection.Assembly assembly)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var type in assembly.GetTypes())
        {
            names.Add(type.FullName!.Split('`', '+')[0]);
            var parts = (type.Namespace ?? "").Split('.');
            for (var length = 1; length <= parts.Length; length++)
            {
                names.Add(string.Join('.', parts.Take(length)));
            }
        }
        return names;
    }

    private static string FindRepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Assistant.sln")))
        {
            directory = directory.Parent;
        }
        return directory?.FullName ?? throw new InvalidOperationException($"No Assistant.sln above {AppContext.BaseDirectory}.");
    }

    // "//" after a colon is a URL in a string, not a comment.
    [GeneratedRegex(@"(?<!:)//.*$")]
    private static partial Regex Comment();

    // Assistant.Core.Tracing, in a using directive or a fully qualified name.
    [GeneratedRegex(@"(?<![\w.])(?:global::)?Assistant\.Core\.(?<feature>[A-Z]\w*)")]
    private static partial Regex AbsoluteName();

    // Tracing.AnswerTrace inside namespace Assistant.Core.*; only counts when it names a real Core namespace or type.
    [GeneratedRegex(@"(?<![\w.])(?<feature>[A-Z]\w*)\.(?<member>[A-Z]\w*)")]
    private static partial Regex RelativeName();
}
