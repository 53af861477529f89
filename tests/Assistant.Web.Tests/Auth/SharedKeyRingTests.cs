using System.Net;
using System.Net.Http.Headers;
using Assistant.Core.Tests.Support.Storage;
using Microsoft.AspNetCore.Mvc.Testing;
using Npgsql;
using Xunit;

namespace Assistant.Web.Tests.Auth;

[Trait("Requires", "PostgreSQL")]
public sealed class SharedKeyRingTests : IAsyncLifetime
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private TestPostgresDatabase? _database;

    private TestPostgresDatabase Database => _database ?? throw new InvalidOperationException("Made in InitializeAsync.");

    public async ValueTask InitializeAsync() => _database = await TestPostgres.CreateDatabaseAsync();

    [Fact]
    public async Task A_token_and_a_cookie_issued_by_one_replica_are_accepted_by_another()
    {
        await using var first = Replica();
        await using var second = Replica();
        var token = await first.GetTokenAsync("alice");
        var cookie = await SignInCookieAsync(first, "bob");

        Assert.Equal(HttpStatusCode.OK, await MeWithTokenAsync(second, token));
        using var browser = second.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/auth/me");
        request.Headers.Add("Cookie", cookie);
        using var me = await browser.SendAsync(request, Cancel);
        Assert.Equal(HttpStatusCode.OK, me.StatusCode);
        Assert.Contains("bob", await me.Content.ReadAsStringAsync(Cancel));
        // The ring lives in the database, not in either replica's data folder.
        Assert.False(Directory.Exists(Path.Combine(first.DataDirectory, "keys")));
    }

    [Fact]
    public async Task Replicas_starting_at_once_settle_on_one_key_and_accept_each_others_tokens()
    {
        var replicas = Enumerable.Range(0, 3).Select(_ => Replica()).ToList();
        try
        {
            // Started together on an empty ring: each would make a key of its own if nothing ordered them.
            await Task.WhenAll(replicas.Select(replica => Task.Run(() => replica.Server, Cancel)));

            Assert.Equal(1, await KeyCountAsync());
            var tokens = await Task.WhenAll(replicas.Select(replica => replica.GetTokenAsync("alice")));
            foreach (var (token, issuer) in tokens.Select((token, index) => (token, index)))
            {
                foreach (var reader in replicas.Where((_, index) => index != issuer))
                {
                    Assert.Equal(HttpStatusCode.OK, await MeWithTokenAsync(reader, token));
                }
            }
        }
        finally
        {
            foreach (var replica in replicas)
            {
                await replica.DisposeAsync();
            }
        }
    }

    private AssistantWebFactory Replica()
    {
        // Each replica has its own data folder, as on separate machines; only the database is shared.
        var replica = new AssistantWebFactory(ingestOnStartup: false);
        replica.Settings["Assistant:Storage:Provider"] = "PostgreSQL";
        replica.Settings["Assistant:Storage:ConnectionString"] = Database.ConnectionString;
        return replica;
    }

    private static async Task<HttpStatusCode> MeWithTokenAsync(AssistantWebFactory replica, string token)
    {
        using var client = replica.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var response = await client.GetAsync("/api/auth/me", Cancel);
        return response.StatusCode;
    }

    private static async Task<string> SignInCookieAsync(AssistantWebFactory replica, string username)
    {
        using var browser = replica.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        using var signIn = await browser.PostAsync("/api/auth/signin", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["username"] = username,
            ["password"] = AssistantWebFactory.DemoPasswords[username],
            ["returnUrl"] = "/chat",
        }), Cancel);
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        return signIn.Headers.GetValues("Set-Cookie").Single(cookie => cookie.StartsWith("assistant.auth=", StringComparison.Ordinal)).Split(';')[0];
    }

    private async Task<long> KeyCountAsync()
    {
        await using var connection = new NpgsqlConnection(Database.ConnectionString);
        await connection.OpenAsync(Cancel);
        await using var command = new NpgsqlCommand("SELECT count(*) FROM data_protection_keys WHERE friendly_name LIKE 'key-%'", connection);
        return (long)(await command.ExecuteScalarAsync(Cancel))!;
    }

    public async ValueTask DisposeAsync()
    {
        if (_database is not null)
        {
            await _database.DisposeAsync();
        }
    }
}
