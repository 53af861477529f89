namespace Assistant.Cli.Benchmarks.ScaleOut;

/// <summary>Where the repository and the apps' build output are: the web app and the gateway built in this CLI's configuration.</summary>
internal static class BuildOutput
{
    public static string RepositoryRoot { get; } = FindRepositoryRoot();

    // This CLI runs from src/Assistant.Cli/bin/<Configuration>/net10.0/.
    private static string Configuration => new DirectoryInfo(Path.TrimEndingDirectorySeparator(AppContext.BaseDirectory)).Parent!.Name;

    public static string Dll(string project) =>
        Path.Combine(RepositoryRoot, "src", project, "bin", Configuration, "net10.0", project + ".dll");

    private static string FindRepositoryRoot()
    {
        foreach (var start in new[] { AppContext.BaseDirectory, Directory.GetCurrentDirectory() })
        {
            for (var directory = new DirectoryInfo(start); directory is not null; directory = directory.Parent)
            {
                if (File.Exists(Path.Combine(directory.FullName, "Assistant.sln")))
                {
                    return directory.FullName;
                }
            }
        }
        throw new InvalidOperationException($"Assistant.sln was not found above {AppContext.BaseDirectory} or the current folder: run this from the repository.");
    }
}
