using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Assistant.Web.Tests.Search;
using Xunit;

namespace Assistant.Web.Tests.ContentReview;

public sealed class ContentReviewTests
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private sealed record Flagged(string DocumentId, string Title, string SourcePath, List<Sentence> Sentences, int Open);

    private sealed record Sentence(string Hash, int Line, string Reason, string Text, JsonElement? Review, bool IsOpen);

    [Fact]
    public async Task Only_the_poisoned_articles_are_flagged_and_admins_see_them_with_their_lines()
    {
        await using var factory = PoisonedKnowledge.CreateFactory();
        using var ada = await factory.CreateIngestedClientAsync("ada");

        var flagged = (await ada.GetFromJsonAsync<List<Flagged>>("/api/content/flags", Cancel))!;

        Assert.Equal(["accounts-and-security/two-factor-recovery-tips", "policies/refund-exceptions"], flagged.Select(f => f.DocumentId));
        var note = Assert.Single(flagged[0].Sentences);
        Assert.Equal(PoisonedKnowledge.NoteForTheAi, note.Text);
        Assert.Equal(PoisonedKnowledge.RecoveryTips.Split('\n').ToList().FindIndex(line => line.Contains("Note for the AI")) + 1, note.Line);
        Assert.Equal(PoisonedKnowledge.WhenAskedSay, Assert.Single(flagged[1].Sentences).Text);
    }

    [Theory]
    [InlineData("alice")]
    [InlineData("sam")]
    public async Task Flags_are_for_admins_only(string username)
    {
        await using var factory = PoisonedKnowledge.CreateFactory();
        using var client = await factory.CreateIngestedClientAsync(username);

        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/api/content/flags", Cancel)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.PostAsJsonAsync("/api/content/flags/clear", new { documentId = "x", hash = "y" }, Cancel)).StatusCode);
    }

    [Fact]
    public async Task An_admin_clears_a_flag_which_is_stored_audited_and_makes_the_sentence_quotable_again()
    {
        await using var factory = PoisonedKnowledge.CreateFactory();
        using var ada = await factory.CreateIngestedClientAsync("ada");
        using var sam = await factory.CreateIngestedClientAsync("sam");
        var note = (await ada.GetFromJsonAsync<List<Flagged>>("/api/content/flags", Cancel))!
            .Single(f => f.DocumentId.EndsWith("two-factor-recovery-tips", StringComparison.Ordinal)).Sentences.Single();
        Assert.Equal(2, (await sam.HealthAsync()).OpenFlags);

        using var cleared = await ada.PostAsJsonAsync("/api/content/flags/clear",
            new { documentId = "accounts-and-security/two-factor-recovery-tips", hash = note.Hash, note = "checked with the author" }, Cancel);

        Assert.Equal(HttpStatusCode.OK, cleared.StatusCode);
        Assert.Equal(1, (await sam.HealthAsync()).OpenFlags);
        var after = (await ada.GetFromJsonAsync<List<Flagged>>("/api/content/flags", Cancel))!.Single(f => f.DocumentId.EndsWith("two-factor-recovery-tips", StringComparison.Ordinal));
        Assert.Equal(0, after.Open);
        var audit = await ada.GetStringAsync("/api/audit?event=content-flag-cleared", Cancel);
        Assert.Contains("two-factor-recovery-tips", audit);
        Assert.Contains("\"actor\":\"ada\"", audit);
    }

    [Fact]
    public async Task Clearing_names_what_is_wrong_with_a_bad_request_and_404s_an_unknown_sentence()
    {
        await using var factory = PoisonedKnowledge.CreateFactory();
        using var ada = await factory.CreateIngestedClientAsync("ada");

        using var noHash = await ada.PostAsJsonAsync("/api/content/flags/clear", new { documentId = "policies/refund-exceptions" }, Cancel);
        using var unknown = await ada.PostAsJsonAsync("/api/content/flags/clear", new { documentId = "policies/refund-exceptions", hash = "0000000000000000" }, Cancel);

        Assert.Equal(HttpStatusCode.BadRequest, noHash.StatusCode);
        Assert.Contains("hash", await noHash.Content.ReadAsStringAsync(Cancel));
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
    }

    [Fact]
    public async Task The_admin_content_page_shows_flagged_text_to_admins_only()
    {
        await using var factory = PoisonedKnowledge.CreateFactory();
        using var ada = await factory.CreateIngestedClientAsync("ada");
        using var alice = await factory.CreateIngestedClientAsync("alice");

        var page = await ada.GetStringAsync("/admin/content", Cancel);
        using var denied = await alice.GetAsync("/admin/content", Cancel);

        Assert.Contains(WebUtility.HtmlEncode(PoisonedKnowledge.NoteForTheAi), page);
        Assert.Contains("Clear flag", page);
        Assert.DoesNotContain("Note for the AI", await denied.Content.ReadAsStringAsync(Cancel));
    }

    [Fact]
    public async Task Search_and_chat_never_return_hidden_text_or_quote_a_sentence_addressed_to_the_assistant()
    {
        await using var factory = PoisonedKnowledge.CreateFactory();
        using var alice = await factory.CreateIngestedClientAsync("alice");

        var hits = await alice.SearchAsync(Api.Search("refunds always approved within 365 days every plan", 20));
        Assert.DoesNotContain(hits.Hits, hit => hit.Text.Contains(PoisonedKnowledge.HiddenComment, StringComparison.Ordinal) || hit.Text.Contains("<!--", StringComparison.Ordinal));

        using var created = await alice.PostAsync("/api/conversations", null, Cancel);
        var conversation = (await JsonDocument.ParseAsync(await created.Content.ReadAsStreamAsync(Cancel), cancellationToken: Cancel)).RootElement.GetProperty("id").GetString();
        foreach (var question in new[] { "When asked about refunds, what should be said?", "What should happen for users who mention the two-factor recovery tips article?" })
        {
            using var asked = await alice.PostAsJsonAsync($"/api/conversations/{conversation}/messages", new { content = question }, Cancel);
            var body = await asked.Content.ReadAsStringAsync(Cancel);
            Assert.DoesNotContain("365 days", body);
            Assert.DoesNotContain("Note for the AI", body);
        }
    }
}
