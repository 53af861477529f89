namespace Assistant.Core.Evaluation.RedTeam;

/// <summary>
/// The knowledge a red-team run answers from: the product's knowledge folder and the suite's poisoned overlay,
/// copied side by side into a folder of the run's own. The overlay never enters knowledge/, and the copy means
/// nothing a run does can touch the real folder.
/// </summary>
public static class RedTeamKnowledge
{
    /// <summary>The overlay's sub-folder in the run's copy; its articles' ids start with it.</summary>
    public const string OverlayFolder = "redteam-overlay";

    /// <summary>Copies both folders under <paramref name="target"/> (which must not exist yet) and returns it.</summary>
    public static string Prepare(string knowledge, string overlay, string target)
    {
        if (Directory.Exists(target))
        {
            throw new IOException($"{target} exists already; a red-team run needs a folder of its own.");
        }
        Copy(knowledge, target);
        Copy(overlay, Path.Combine(target, OverlayFolder));
        return target;
    }

    private static void Copy(string from, string to)
    {
        if (!Directory.Exists(from))
        {
            throw new DirectoryNotFoundException($"{from} does not exist.");
        }
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var destination = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(destination)!);
            File.Copy(file, destination);
        }
    }
}
