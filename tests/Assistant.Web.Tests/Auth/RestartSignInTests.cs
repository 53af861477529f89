using System.Net;
using System.Net.Http.Headers;
using Xunit;

namespace Assistant.Web.Tests.Auth;

public sealed class RestartSignInTests
{
    [Fact]
    public async Task A_token_issued_before_a_restart_still_works_after_it()
    {
        var data = Directory.CreateTempSubdirectory("assistant-keys-").FullName;
        try
        {
            string token;
            await using (var first = new AssistantWebFactory(dataDirectory: data))
            {
                token = await first.GetTokenAsync("alice");
            }

            await using var second = new AssistantWebFactory(dataDirectory: data);
            using var client = second.CreateClient();
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
            using var response = await client.GetAsync("/api/auth/me", TestContext.Current.CancellationToken);

            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.NotEmpty(Directory.GetFiles(Path.Combine(data, "keys"), "*.xml"));
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            AssistantWebFactory.DeleteTempDirectory(data);
        }
    }
}
