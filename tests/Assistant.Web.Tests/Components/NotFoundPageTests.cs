using System.Net;
using Xunit;

namespace Assistant.Web.Tests.Components;

/// <summary>Unknown addresses: the browser gets the app's not-found page, the APIs keep problem details.</summary>
public sealed class NotFoundPageTests
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("/no/such/page")]
    [InlineData("/chat/extra/segments/here")]
    public async Task An_unknown_page_is_a_404_html_page_of_the_app_not_a_json_problem(string path)
    {
        await using var factory = new AssistantWebFactory(ingestOnStartup: false);
        using var client = factory.CreateClient();

        using var response = await client.GetAsync(path, Cancel);

        var body = await response.Content.ReadAsStringAsync(Cancel);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("<h1>Not found</h1>", body);
        Assert.Contains("class=\"topbar\"", body);
        Assert.DoesNotContain("\"status\":404", body);
    }

    [Theory]
    [InlineData("/api/no-such-endpoint")]
    [InlineData("/v1/no-such-endpoint")]
    public async Task An_unknown_api_address_stays_a_404_problem_document(string path)
    {
        await using var factory = new AssistantWebFactory(ingestOnStartup: false);
        using var client = factory.CreateClient();

        using var response = await client.GetAsync(path, Cancel);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("\"status\":404", await response.Content.ReadAsStringAsync(Cancel));
    }
}
