using Assistant.Core.Actions;
using Assistant.Core.Actions.Access;
using Assistant.Core.Actions.Deciding;
using Assistant.Core.Actions.Proposing;
using Assistant.Core.Audit;
using Assistant.Core.Backoffice;
using Assistant.Core.Storage;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace Assistant.Core.Tests.Support;

/// <summary>
/// The real action services (SQLite file, seeded backoffice, tools, audit log) over a fresh temp folder, with a
/// clock the test controls. <see cref="Restart"/> builds new services over the same file, as a process restart would.
/// </summary>
public sealed class TestActions : IDisposable
{
    public static readonly Actor Alice = new("alice", ActorRole.User);
    public static readonly Actor Bob = new("bob", ActorRole.User);
    public static readonly Actor Sam = new("sam", ActorRole.Agent);
    public static readonly Actor Ada = new("ada", ActorRole.Admin);

    private readonly Dictionary<string, string?> _settings;
    private readonly List<TestKnowledgeBase> _hosts = [];
    private TestKnowledgeBase _host;

    public TestActions(Dictionary<string, string?>? settings = null)
    {
        _settings = new Dictionary<string, string?>(settings ?? []);
        _host = Build(null);
        BackofficeSeed.EnsureSeededAsync(Get<IBackofficeSeedStore>(), DateOnly.FromDateTime(Clock.GetUtcNow().UtcDateTime), TestContext.Current.CancellationToken).GetAwaiter().GetResult();
    }

    public ManualClock Clock { get; } = new(new DateTimeOffset(2026, 11, 22, 9, 0, 0, TimeSpan.Zero));

    public ActionProposals Proposals => Get<ActionProposals>();

    public ActionDecisions Decisions => Get<ActionDecisions>();

    public ActionReader Reader => Get<ActionReader>();

    public ActionExpiry Expiry => Get<ActionExpiry>();

    public IAuditLog Audit => Get<IAuditLog>();

    public IBackofficeStore Backoffice => Get<IBackofficeStore>();

    public T Get<T>() where T : notnull => _host.Get<T>();

    /// <summary>
    /// New services over the same database file: nothing in memory survives. <paramref name="changedSettings"/>
    /// override settings from then on, as an edited appsettings file would after a restart.
    /// </summary>
    public void Restart(Dictionary<string, string?>? changedSettings = null)
    {
        foreach (var (key, value) in changedSettings ?? [])
        {
            _settings[key] = value;
        }
        var root = _host.Root;
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        _host = Build(root);
    }

    private TestKnowledgeBase Build(string? root)
    {
        var settings = new Dictionary<string, string?>(_settings);
        if (root is not null)
        {
            settings["Assistant:DataDirectory"] = Path.Combine(root, "data");
        }
        var host = new TestKnowledgeBase(services => services.AddAssistantBackoffice().AddAssistantAudit().AddAssistantActions().AddSingleton<TimeProvider>(Clock), settings);
        _hosts.Add(host);
        return host;
    }

    public void Dispose()
    {
        // The first host owns the database folder; later ones (restarts) point into it, so they go first.
        for (var i = _hosts.Count - 1; i >= 0; i--)
        {
            _hosts[i].Dispose();
        }
    }
}

/// <summary>A clock that moves only when the test says so.</summary>
public sealed class ManualClock(DateTimeOffset start) : TimeProvider
{
    private DateTimeOffset _now = start;

    public override DateTimeOffset GetUtcNow() => _now;

    public void Advance(TimeSpan by) => _now += by;
}
