namespace Assistant.Core.Knowledge.Sources;

/// <summary>
/// A path with every symbolic link in it resolved, like realpath(3), computed one component at a time so links
/// inside links and ".." after a link are followed the way the operating system follows them.
/// </summary>
internal static class RealPath
{
    // Linux gives up after 40 links (ELOOP); so do we, which is how a loop is recognised.
    private const int MaxLinks = 40;

    /// <summary>The resolved path, or null when resolving it follows more than 40 links (a loop).</summary>
    public static string? Resolve(string path)
    {
        var full = Path.GetFullPath(path);
        var current = Path.GetPathRoot(full)!;
        var pending = new Stack<string>(Components(full[current.Length..]).Reverse());
        var links = 0;
        while (pending.TryPop(out var name))
        {
            if (name == ".")
            {
                continue;
            }
            if (name == "..")
            {
                // `current` never contains a link, so its lexical parent is its real parent.
                current = Path.GetDirectoryName(current) ?? current;
                continue;
            }
            var candidate = Path.Join(current, name);
            var target = new FileInfo(candidate).LinkTarget;
            if (target is null)
            {
                current = candidate;
                continue;
            }
            if (++links > MaxLinks)
            {
                return null;
            }
            if (Path.IsPathRooted(target))
            {
                current = Path.GetPathRoot(target)!;
                target = target[current.Length..];
            }
            foreach (var component in Components(target).Reverse())
            {
                pending.Push(component);
            }
        }
        return current;
    }

    /// <summary>Whether <paramref name="path"/> is <paramref name="folder"/> or lies below it (both real paths).</summary>
    public static bool IsInside(string path, string folder) =>
        path == folder || path.StartsWith(Path.EndsInDirectorySeparator(folder) ? folder : folder + Path.DirectorySeparatorChar, StringComparison.Ordinal);

    private static string[] Components(string path) =>
        path.Split([Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar], StringSplitOptions.RemoveEmptyEntries);
}
