using Assistant.Core.Audit;
using Assistant.Core.Feedback;
using Assistant.Core.Releases;
using Assistant.Core.Releases.Rollout;
using Assistant.Core.Storage;
using Assistant.Core.Tracing;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Assistant.Core.Tests.Releases;

/// <summary>
/// The rollout services as a host wires them, over a fresh SQLite file, with an in-memory version store and the
/// groups a test names. Writes traces and feedback into the same file, as answers and users would.
/// </summary>
internal sealed class RolloutHost : IAsyncDisposable
{
    public static readonly RolloutActor Ada = new("ada", "admin");

    private readonly string _root = Directory.CreateTempSubdirectory("assistant-rollout-").FullName;

    public RolloutHost(Dictionary<string, string?>? settings = null, Dictionary<string, string[]>? groups = null)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Assistant:DataDirectory"] = _root,
            ["Assistant:Releases:CheckIntervalMilliseconds"] = "100",
        }.Concat(settings ?? [])).Build();
        Services = new ServiceCollection()
            .AddSingleton<IConfiguration>(configuration)
            .AddLogging()
            .AddAssistantStorage()
            .AddAssistantAudit()
            .AddSingleton<IAssistantVersionStore>(Versions)
            .AddSingleton<IUserGroups>(new FixedGroups(groups ?? []))
            .AddAssistantRollout()
            .BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
    }

    public ServiceProvider Services { get; }

    public InMemoryVersionStore Versions { get; } = new();

    public IVersionSelector Selector => Services.GetRequiredService<IVersionSelector>();

    public RolloutAdministration Administration => Services.GetRequiredService<RolloutAdministration>();

    public IAuditLog Audit => Services.GetRequiredService<IAuditLog>();

    public IRolloutStore Store => Services.GetRequiredService<IRolloutStore>();

    /// <summary>Writes <paramref name="count"/> traces of one arm (drafted and supported sentences, outcome, time, cost), each rated when asked.</summary>
    public async Task AnswerAsync(string arm, string version, int count, int drafted = 2, int supported = 2, string outcome = "Answered",
        double milliseconds = 100, decimal cost = 0.001m, string? rating = null)
    {
        var traces = new SqliteTraceStore(Services.GetRequiredService<SqliteDatabase>());
        var feedback = new SqliteFeedbackStore(Services.GetRequiredService<SqliteDatabase>());
        for (var i = 0; i < count; i++)
        {
            var id = Ids.New("trace");
            await traces.WriteAsync(new AnswerTrace(id, null, $"user{i}", "How do refunds work?", "refunds", [], "answer-v2", "model", "m", 10, 10, "provider",
                cost, new StageLatency(0, 0, 0, 0, milliseconds), 0.8, new VerificationSummary(drafted, supported, drafted - supported, 0), outcome, null,
                DateTimeOffset.UtcNow) { ConfigVersion = version, ReleaseArm = arm });
            if (rating is not null)
            {
                await feedback.SaveAsync(id, $"user{i}", new FeedbackSubmission(rating, rating == FeedbackRating.Down ? ["wrong-answer"] : null));
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        await Services.DisposeAsync();
        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_root, recursive: true);
        }
        catch (IOException)
        {
            // Best effort: a leftover temp folder must not fail the test that used it.
        }
    }

    private sealed class FixedGroups(Dictionary<string, string[]> groups) : IUserGroups
    {
        public IReadOnlyList<string> GroupsOf(string userId) => groups.GetValueOrDefault(userId) ?? [];

        public IReadOnlyList<string> Known => groups.Values.SelectMany(g => g).Distinct().ToList();
    }
}
