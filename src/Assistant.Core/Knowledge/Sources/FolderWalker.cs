namespace Assistant.Core.Knowledge.Sources;

/// <summary>
/// Lists the articles of a knowledge folder safely. The walk descends only into real folders, never through a
/// symbolic link, so a link loop cannot repeat it. Each link is then judged by its resolved path: a link to a file
/// inside the folder that no other path reads is an article; a link that points outside, loops, dangles, names a
/// folder or repeats a file read elsewhere is reported and not followed. Every file is read at most once.
/// </summary>
internal static class FolderWalker
{
    private static readonly string[] Extensions = [".md", ".markdown", ".txt"];

    public static IReadOnlyList<FolderEntry> List(string root)
    {
        if (!Directory.Exists(root))
        {
            throw new DirectoryNotFoundException($"Knowledge folder '{root}' does not exist (set Assistant:KnowledgeDirectory).");
        }
        var realRoot = RealPath.Resolve(root)
            ?? throw new IOException($"Knowledge folder '{root}' is a symbolic link loop (set Assistant:KnowledgeDirectory).");

        var entries = new List<FolderEntry>();
        var readAt = new Dictionary<string, string>(StringComparer.Ordinal); // real path → relative path that reads it
        var links = new List<string>();
        var folders = new Stack<string>([realRoot]);
        while (folders.TryPop(out var folder))
        {
            foreach (var child in new DirectoryInfo(folder).EnumerateFileSystemInfos("*", new EnumerationOptions { IgnoreInaccessible = true }))
            {
                if (child.LinkTarget is not null)
                {
                    links.Add(child.FullName);
                }
                else if (child is DirectoryInfo)
                {
                    folders.Push(child.FullName);
                }
                else if (IsArticle(child.Name))
                {
                    var relative = Relative(realRoot, child.FullName);
                    readAt[child.FullName] = relative;
                    entries.Add(new FolderEntry(relative, child.FullName));
                }
            }
        }

        // Links are judged after every real file is known, so a file is read at its own path rather than a link's.
        links.Sort(StringComparer.Ordinal);
        foreach (var link in links)
        {
            var relative = Relative(realRoot, link);
            var target = RealPath.Resolve(link);
            var problem = target switch
            {
                null => "symbolic link loop (more than 40 links deep); not followed",
                _ when !File.Exists(target) && !Directory.Exists(target) => "symbolic link to nothing (its target does not exist); not followed",
                _ when !RealPath.IsInside(target, realRoot) => "symbolic link to a path outside the knowledge folder; not followed",
                _ when Directory.Exists(target) => "symbolic link to a folder inside the knowledge folder; not followed (its files are read at their own paths, once)",
                _ when readAt.TryGetValue(target, out var reader) => $"symbolic link to '{reader}', which is read at that path; not read twice",
                _ => null,
            };
            if (problem is null && IsArticle(Path.GetFileName(link)))
            {
                readAt[target!] = relative;
                entries.Add(new FolderEntry(relative, target));
            }
            else if (problem is not null)
            {
                entries.Add(new FolderEntry(relative, RealPath: null, problem));
            }
        }
        entries.Sort((a, b) => string.CompareOrdinal(a.RelativePath, b.RelativePath));
        return entries;
    }

    // A folder's own README describes the folder; it is not an article.
    private static bool IsArticle(string name) =>
        Extensions.Contains(Path.GetExtension(name), StringComparer.OrdinalIgnoreCase)
        && !name.Equals("README.md", StringComparison.OrdinalIgnoreCase);

    private static string Relative(string root, string path) => Path.GetRelativePath(root, path).Replace('\\', '/');
}
