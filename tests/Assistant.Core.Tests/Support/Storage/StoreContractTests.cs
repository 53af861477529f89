using Assistant.Core.Storage;
using Xunit;

namespace Assistant.Core.Tests.Support.Storage;

/// <summary>
/// The base of a store's contract suite: every test in a derived suite runs once per provider, through one sealed
/// subclass each (<c>OnSqlite</c>, <c>OnPostgreSQL</c>), against a database made for that test alone.
/// </summary>
public abstract class StoreContractTests(StorageProvider provider) : IAsyncLifetime
{
    private TestStateDatabase? _database;

    protected StorageProvider Provider => provider;

    protected TestStateDatabase Database => _database ?? throw new InvalidOperationException("The database is made in InitializeAsync.");

    protected static CancellationToken Cancel => TestContext.Current.CancellationToken;

    public virtual async ValueTask InitializeAsync() => _database = await TestStateDatabase.CreateAsync(provider);

    public virtual async ValueTask DisposeAsync()
    {
        if (_database is not null)
        {
            await _database.DisposeAsync();
        }
        GC.SuppressFinalize(this);
    }
}
