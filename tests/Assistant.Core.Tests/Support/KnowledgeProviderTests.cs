using Assistant.Core.Storage;
using Assistant.Core.Tests.Support.Storage;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace Assistant.Core.Tests.Support;

/// <summary>
/// The base of a knowledge suite that runs once per storage provider (nested <c>OnSqlite</c> / <c>OnPostgreSQL</c>):
/// <see cref="Open"/> makes a <see cref="TestKnowledgeBase"/> whose index lives in this test's database. Several opened
/// in one test share the database, as replicas (or restarts) of one deployment do.
/// </summary>
public abstract class KnowledgeProviderTests(StorageProvider provider) : IAsyncLifetime
{
    private readonly List<TestKnowledgeBase> _opened = [];
    private TestStateDatabase? _database;

    protected StorageProvider Provider => provider;

    protected TestStateDatabase Database => _database ?? throw new InvalidOperationException("The database is made in InitializeAsync.");

    protected static CancellationToken Cancel => TestContext.Current.CancellationToken;

    public virtual async ValueTask InitializeAsync() => _database = await TestStateDatabase.CreateAsync(provider);

    protected TestKnowledgeBase Open(Action<IServiceCollection>? configure = null, Dictionary<string, string?>? settings = null)
    {
        var merged = new Dictionary<string, string?>(Database.Settings);
        foreach (var (key, value) in settings ?? [])
        {
            merged[key] = value;
        }
        var knowledge = new TestKnowledgeBase(configure, merged);
        _opened.Add(knowledge);
        return knowledge;
    }

    public virtual async ValueTask DisposeAsync()
    {
        _opened.ForEach(knowledge => knowledge.Dispose());
        if (_database is not null)
        {
            await _database.DisposeAsync();
        }
        GC.SuppressFinalize(this);
    }
}
