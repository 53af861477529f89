using Assistant.Core.Actions;
using Assistant.Core.Audit;
using Assistant.Core.Backoffice;
using Assistant.Core.Evaluation.RedTeam;
using Assistant.Core.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Assistant.Core.Tests.Evaluation.RedTeam;

/// <summary>
/// The red-team suite of the repository, and real services (conversations, actions, audit, seeded backoffice) over
/// an index of knowledge/ plus the suite's overlay, copied into a temp folder as <c>assistant eval</c> does.
/// </summary>
internal sealed class RedTeamHost : IDisposable
{
    private readonly string _copy;

    private RedTeamHost(string copy, TestKnowledgeBase knowledge) => (_copy, Knowledge) = (copy, knowledge);

    public static string RepositoryRoot { get; } = FindRoot();

    public static string Suite => Path.Combine(RepositoryRoot, "evals", "redteam");

    public TestKnowledgeBase Knowledge { get; }

    public static async Task<RedTeamHost> StartAsync(Dictionary<string, string?>? settings = null)
    {
        var copy = Directory.CreateTempSubdirectory("assistant-redteam-").FullName;
        var folder = RedTeamKnowledge.Prepare(Path.Combine(RepositoryRoot, "knowledge"), Path.Combine(Suite, "overlay"), Path.Combine(copy, "knowledge"));
        var knowledge = new TestKnowledgeBase(services => services.AddAssistantBackoffice().AddAssistantAudit().AddAssistantActions(),
            new Dictionary<string, string?>(settings ?? []) { ["Assistant:KnowledgeDirectory"] = folder });
        var host = new RedTeamHost(copy, knowledge);
        await knowledge.IngestAsync();
        return host;
    }

    private static string FindRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Assistant.sln")))
        {
            directory = directory.Parent;
        }
        return directory?.FullName ?? throw new InvalidOperationException("Assistant.sln not found above the test output folder.");
    }

    public void Dispose()
    {
        Knowledge.Dispose();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_copy, recursive: true);
    }
}
