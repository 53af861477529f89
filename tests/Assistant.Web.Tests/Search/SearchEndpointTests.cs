using System.Net;
using System.Text.Json;
using Xunit;

namespace Assistant.Web.Tests.Search;

public sealed class SearchEndpointTests
{
    private const string Refunds = """
        ---
        title: Refunds
        audience: customers
        tags: [billing, refunds]
        ---
        # Refunds

        ## Refund window

        Your account can get a full refund within 14 days of the first payment for a subscription.

        ## Requesting a refund

        Open the account settings, choose Billing, then press the request button and give a short reason.

        ## Processing time

        Money returns to the card on the account within 5 to 10 business days after approval.
        """;

    private const string Invoices = """
        ---
        title: Invoices and receipts
        audience: customers
        tags: [billing, invoices]
        ---
        # Invoices and receipts

        ## Downloading invoices

        Every account owner can download PDF invoices from the Billing page.

        ## Adding a tax ID

        Enter the VAT number in the account billing profile; it appears on future invoices.

        ## Changing the billing email

        Invoices go to the billing email of the account, which an owner can change at any time.
        """;

    private const string TwoFactor = """
        ---
        title: Two-factor authentication
        audience: customers
        tags: [security]
        ---
        # Two-factor authentication

        ## Turning it on

        Protect the account with an authenticator app such as a TOTP app on your phone.

        ## Recovery codes

        Store the ten recovery codes for the account somewhere safe; each works once.

        ## Lost phone

        If the phone is lost, sign in to the account with a recovery code and enrol a new device.
        """;

    [Fact]
    public async Task Question_returns_hits_whose_fields_and_character_range_point_at_the_source_article()
    {
        await using var factory = CreateWithArticles();
        using var client = await factory.CreateIngestedClientAsync();

        var result = await client.SearchAsync(Api.Search("how many days do I have to get a refund?"));

        Assert.Equal("how many days do I have to get a refund?", result.Query);
        Assert.NotEmpty(result.Hits);
        var top = result.Hits[0];
        Assert.Equal("billing/refunds", top.DocumentId);
        Assert.Equal("Refunds", top.Title);
        Assert.Equal(["Refund window"], top.HeadingPath);
        Assert.Equal("billing/refunds.md", top.SourcePath);
        Assert.StartsWith("billing/refunds#", top.ChunkId);
        Assert.StartsWith("## Refund window", top.Text);
        Assert.Contains("within 14 days", top.Text);
        Assert.True(top.Score > 0);
        Assert.NotNull(top.Scores.KeywordRank);
        foreach (var hit in result.Hits)
        {
            var source = await File.ReadAllTextAsync(Path.Combine(factory.KnowledgeDirectory, hit.SourcePath), TestContext.Current.CancellationToken);
            Assert.InRange(hit.Start, 0, hit.End - 1);
            Assert.InRange(hit.End, hit.Start + 1, source.Length);
            Assert.Equal(source[hit.Start..hit.End], hit.Text);
        }
    }

    [Fact]
    public async Task K_limits_the_number_of_hits_and_defaults_to_five()
    {
        await using var factory = CreateWithArticles();
        using var client = await factory.CreateIngestedClientAsync();

        Assert.Equal(5, (await client.SearchAsync(Api.Search("account"))).Hits.Count);
        Assert.Equal(2, (await client.SearchAsync(Api.Search("account", k: 2))).Hits.Count);
        Assert.Single((await client.SearchAsync(Api.Search("account", k: 1))).Hits);
        // Nine sections, all mentioning "account": a k above that returns every chunk once.
        var all = await client.SearchAsync(Api.Search("account", k: 50));
        Assert.Equal(9, all.Hits.Count);
        Assert.Equal(9, all.Hits.Select(hit => hit.ChunkId).Distinct().Count());
    }

    [Fact]
    public async Task Tags_filter_returns_only_chunks_of_articles_with_that_tag()
    {
        await using var factory = CreateWithArticles();
        using var client = await factory.CreateIngestedClientAsync();

        var result = await client.SearchAsync(Api.Search("account recovery codes", 50, "tags:billing"));

        Assert.Equal(6, result.Hits.Count);
        Assert.All(result.Hits, hit => Assert.Contains(hit.DocumentId, new[] { "billing/refunds", "billing/invoices" }));
    }

    [Fact]
    public async Task Document_filter_returns_only_chunks_of_that_document()
    {
        await using var factory = CreateWithArticles();
        using var client = await factory.CreateIngestedClientAsync();

        var result = await client.SearchAsync(Api.Search("refund invoices", 50, "document:security/two-factor"));

        Assert.Equal(3, result.Hits.Count);
        Assert.All(result.Hits, hit => Assert.Equal("security/two-factor", hit.DocumentId));
    }

    [Fact]
    public async Task Several_filters_must_all_match()
    {
        await using var factory = CreateWithArticles();
        using var client = await factory.CreateIngestedClientAsync();

        var result = await client.SearchAsync(Api.Search("account", 50, "tags:billing", "tags:invoices"));

        Assert.Equal(3, result.Hits.Count);
        Assert.All(result.Hits, hit => Assert.Equal("billing/invoices", hit.DocumentId));
    }

    [Theory]
    [InlineData("/api/search", "q")]
    [InlineData("/api/search?q=", "q")]
    [InlineData("/api/search?q=%20%20%09", "q")]
    [InlineData("/api/search?q=refund&k=0", "k")]
    [InlineData("/api/search?q=refund&k=abc", "k")]
    [InlineData("/api/search?q=refund&k=51", "k")]
    [InlineData("/api/search?q=refund&k=-1", "k")]
    [InlineData("/api/search?q=refund&filter=bad", "filter")]
    [InlineData("/api/search?q=refund&filter=tags:", "filter")]
    public async Task Bad_input_is_a_problem_details_400_naming_the_parameter(string url, string parameter)
    {
        await using var factory = CreateWithArticles();
        using var client = await factory.CreateIngestedClientAsync();

        Assert.Equal([parameter], await ValidationErrorsAsync(client, url));
    }

    [Fact]
    public async Task Query_over_2000_characters_is_rejected_naming_q()
    {
        await using var factory = CreateWithArticles();
        using var client = await factory.CreateIngestedClientAsync();

        Assert.Equal(["q"], await ValidationErrorsAsync(client, Api.Search(new string('a', 2001))));
        Assert.Equal(200, (int)(await client.GetAsync(Api.Search(new string('a', 2000)), TestContext.Current.CancellationToken)).StatusCode);
    }

    [Fact]
    public async Task Request_with_several_mistakes_names_all_of_them()
    {
        await using var factory = CreateWithArticles();
        using var client = await factory.CreateIngestedClientAsync();

        var errors = await ValidationErrorsAsync(client, "/api/search?q=%20&k=abc&filter=tags:billing&filter=nocolon");

        Assert.Equal(["filter", "k", "q"], errors.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Health_is_ready_with_document_and_chunk_counts_after_ingestion()
    {
        await using var factory = CreateWithArticles();
        using var client = await factory.CreateIngestedClientAsync("sam");

        var health = await client.HealthAsync();

        Assert.Equal("ready", health.Status);
        Assert.Equal(3, health.Documents);
        Assert.Equal(9, health.Chunks);
        Assert.False(health.Ingesting);
        Assert.Null(health.Error);
        Assert.NotNull(health.LastIngest);
        Assert.Equal(3, health.LastIngest.Added);
        Assert.Empty(health.LastIngest.Skipped);
    }

    [Fact]
    public async Task Malformed_articles_are_reported_as_skipped_while_good_articles_stay_searchable()
    {
        await using var factory = CreateWithArticles();
        factory.WriteArticle("broken/unclosed-front-matter.md", "---\ntitle: Never closed\ntags: [billing]\n");
        factory.WriteArticle("broken/empty.md", "");
        using var client = await factory.CreateIngestedClientAsync("sam");

        var health = await client.HealthAsync();

        Assert.Equal("ready", health.Status);
        Assert.Equal(3, health.Documents);
        var skipped = health.LastIngest!.Skipped.OrderBy(s => s.SourcePath, StringComparer.Ordinal).ToList();
        Assert.Equal(["broken/empty.md", "broken/unclosed-front-matter.md"], skipped.Select(s => s.SourcePath));
        Assert.Contains("empty", skipped[0].Reason, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("front matter", skipped[1].Reason, StringComparison.OrdinalIgnoreCase);
        var result = await client.SearchAsync(Api.Search("recovery codes", 50));
        Assert.Equal("security/two-factor", result.Hits[0].DocumentId);
        Assert.DoesNotContain(result.Hits, hit => hit.DocumentId.StartsWith("broken/", StringComparison.Ordinal));
    }

    private static AssistantWebFactory CreateWithArticles()
    {
        var factory = new AssistantWebFactory();
        factory.WriteArticle("billing/refunds.md", Refunds);
        factory.WriteArticle("billing/invoices.md", Invoices);
        factory.WriteArticle("security/two-factor.md", TwoFactor);
        return factory;
    }

    private static async Task<List<string>> ValidationErrorsAsync(HttpClient client, string url)
    {
        using var response = await client.GetAsync(url, TestContext.Current.CancellationToken);
        var body = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"GET {url} returned {(int)response.StatusCode}: {body}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var problem = JsonDocument.Parse(body);
        Assert.Equal(400, problem.RootElement.GetProperty("status").GetInt32());
        var errors = problem.RootElement.GetProperty("errors");
        Assert.All(errors.EnumerateObject(), error => Assert.NotEmpty(error.Value.EnumerateArray()));
        return errors.EnumerateObject().Select(error => error.Name).ToList();
    }
}
