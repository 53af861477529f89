namespace Assistant.Infra.Tests.Support;

/// <summary>Paths in the repository the manifests live in.</summary>
public static class Repository
{
    public static string Root { get; } = FindRoot();

    public static string PathOf(params string[] parts) => Path.Combine([Root, .. parts]);

    private static string FindRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Assistant.sln")))
            {
                return directory.FullName;
            }
        }
        throw new InvalidOperationException("Assistant.sln not found above " + AppContext.BaseDirectory);
    }
}
