using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Xunit;
using static Microsoft.Playwright.Assertions;

namespace Assistant.Web.Tests.EndToEnd;

public sealed class ChatFlowTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task A_question_is_answered_with_a_cited_quote_the_user_can_open_and_rate_down_with_what_was_wrong()
    {
        await using var alice = await browser.SignInAsync("alice");
        var page = alice.Page;

        await alice.AskAsync("How long do I have to request a full refund?");

        await Expect(page.Locator(".bubble.user")).ToHaveTextAsync("How long do I have to request a full refund?");
        var answer = page.Locator(".bubble.assistant[data-outcome]");
        await Expect(answer).ToHaveAttributeAsync("data-outcome", "Answered", new() { Timeout = 15_000 });
        await Expect(page.Locator(".bubble.assistant.streaming")).ToHaveCountAsync(0);
        await Expect(answer.Locator(".answer-text")).ToContainTextAsync("14 days");
        await Expect(answer.Locator(".sentence").First).ToBeVisibleAsync();
        await Expect(answer.Locator(".badge")).ToHaveTextAsync(new Regex("confidence$"));
        await Expect(answer).ToContainTextAsync("Offline mode: quoted from the help center");
        var chips = answer.Locator(".chip");
        await Expect(chips.First).ToBeVisibleAsync();
        await Expect(chips.First).ToHaveAttributeAsync("aria-label", new Regex(@"^Source \d+: .+"));
        await BrowserFixture.ScreenshotAsync(page, "chat-answer-laptop");

        await chips.First.ClickAsync();

        var source = page.Locator("aside.source");
        await Expect(source.Locator("mark").First).ToBeVisibleAsync();
        await Expect(source.Locator("mark").First).ToHaveTextAsync(new Regex(@"\w"));
        await Expect(source.GetByRole(AriaRole.Link, new() { Name = "Open the article" }))
            .ToHaveAttributeAsync("href", new Regex(@"^/kb/policies/refund-policy\?at=\d+$"));
        await BrowserFixture.ScreenshotAsync(page, "chat-source-panel-laptop");

        await source.GetByRole(AriaRole.Button, new() { Name = "Close source" }).ClickAsync();
        await Expect(source).ToHaveCountAsync(0);
        await page.SetViewportSizeAsync(390, 844);
        await BrowserFixture.ScreenshotAsync(page, "chat-answer-phone");
        // Opened on a phone, the panel sits between the answer and the composer and scrolls into view as it takes focus.
        await chips.First.ClickAsync();
        await Expect(source).ToBeInViewportAsync();
        await BrowserFixture.ScreenshotAsync(page, "chat-source-panel-phone");
        await page.Keyboard.PressAsync("Escape");
        await Expect(source).ToHaveCountAsync(0);
        await page.SetViewportSizeAsync(1280, 800);

        await answer.GetByRole(AriaRole.Button, new() { Name = "Not helpful" }).ClickAsync();
        await answer.GetByLabel("Outdated").CheckAsync();
        await answer.GetByLabel("Anything else? (optional)").FillAsync("The policy changed in 2026.");
        await BrowserFixture.ScreenshotAsync(page, "chat-feedback-form-laptop");
        await answer.GetByRole(AriaRole.Button, new() { Name = "Send feedback" }).ClickAsync();

        await Expect(answer.GetByText("Thanks, feedback saved.")).ToBeVisibleAsync();
        var feedback = await StoredFeedbackAsync(page);
        Assert.Equal("down", feedback.GetProperty("rating").GetString());
        Assert.Equal(["outdated"], feedback.GetProperty("categories").EnumerateArray().Select(c => c.GetString()));
        Assert.Equal("The policy changed in 2026.", feedback.GetProperty("comment").GetString());
    }

    [Fact]
    public async Task Five_questions_filled_and_sent_with_Enter_at_once_all_reach_the_thread_in_order()
    {
        await using var alice = await browser.SignInAsync("alice");
        var page = alice.Page;
        var question = await alice.OpenChatAsync();
        string[] questions =
        [
            "How long do I have to request a full refund?", "How do I reset two-factor authentication?", "Can I pay by invoice?",
            "How do I invite teammates?", "What does error 410 mean?",
        ];

        // Enter in the same moment the text lands in the box, before the server has seen it (and before the Send button
        // could be enabled): the worst case of scripted fill-then-Enter, made deterministic.
        foreach (var text in questions)
        {
            await question.EvaluateAsync("""
                (box, text) => {
                    box.value = text;
                    box.dispatchEvent(new Event('input', { bubbles: true }));
                    box.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true, cancelable: true }));
                }
                """, text);
        }

        await Expect(page.Locator(".bubble.user")).ToHaveTextAsync(questions);
        await Expect(page.Locator(".bubble.assistant[data-outcome]")).ToHaveCountAsync(questions.Length, new() { Timeout = 30_000 });
        await Expect(question).ToHaveValueAsync("");
    }

    [Fact]
    public async Task Answers_and_their_sources_show_links_and_tables_as_a_reader_sees_them_not_markdown()
    {
        await using var alice = await browser.SignInAsync("alice");
        var page = alice.Page;

        await alice.AskAsync("What does error 410 mean?");

        var answer = page.Locator(".bubble.assistant[data-outcome]");
        await Expect(answer).ToHaveAttributeAsync("data-outcome", "Answered", new() { Timeout = 15_000 });
        var text = answer.Locator(".answer-text");
        await Expect(text.GetByRole(AriaRole.Link, new() { Name = "API versioning" }))
            .ToHaveAttributeAsync("href", "/kb/integrations-and-api/api-versioning-and-deprecation");
        await Expect(text).Not.ToContainTextAsync("](");
        await Expect(text).Not.ToContainTextAsync("|---");

        var sentence = text.Locator(".sentence").Filter(new() { HasText = "api_version_sunset" }).First;
        await text.Locator(".chip").Nth(await ChipIndexAfterAsync(text, sentence)).ClickAsync();

        var panel = page.Locator("aside.source");
        await Expect(panel.Locator("table")).ToBeVisibleAsync();
        await Expect(panel).Not.ToContainTextAsync("|");
        await Expect(panel).Not.ToContainTextAsync("](");
        // The highlight covers the cited row, and only it.
        var marked = panel.Locator("tr").Filter(new() { Has = page.Locator("mark") });
        await Expect(marked).ToHaveCountAsync(1);
        await Expect(marked).ToContainTextAsync("api_version_sunset");
        var markText = string.Concat(await panel.Locator("mark").AllTextContentsAsync());
        Assert.Equal("410api_version_sunsetAPI version no longer available (API versioning)No — migrate", markText);
        await BrowserFixture.ScreenshotAsync(page, "chat-source-table-laptop");
    }

    // The chips follow their sentence: the index of the first chip after it among the answer's chips.
    private static Task<int> ChipIndexAfterAsync(ILocator text, ILocator sentence) =>
        sentence.EvaluateAsync<int>("""
            s => [...s.closest('.answer-text').querySelectorAll('.chip')].findIndex(c => s.compareDocumentPosition(c) & Node.DOCUMENT_POSITION_FOLLOWING)
            """);

    /// <summary>What the server stored for the last answer of the open conversation, read back through the API.</summary>
    private static async Task<JsonElement> StoredFeedbackAsync(IPage page)
    {
        var conversationId = Regex.Match(page.Url, "/chat/([^/?#]+)").Groups[1].Value;
        Assert.False(string.IsNullOrEmpty(conversationId), $"The chat page did not move to the conversation's address: {page.Url}");
        var conversation = await GetJsonAsync(page, $"/api/conversations/{conversationId}");
        var traceId = conversation.GetProperty("messages").EnumerateArray()
            .Last(message => message.TryGetProperty("answer", out var answer) && answer.ValueKind == JsonValueKind.Object)
            .GetProperty("answer").GetProperty("traceId").GetString();
        return await GetJsonAsync(page, $"/api/feedback/{traceId}");
    }

    private static async Task<JsonElement> GetJsonAsync(IPage page, string path)
    {
        // The page's request context shares the browser's cookies, so this is the signed-in user asking.
        var response = await page.APIRequest.GetAsync(path);
        Assert.True(response.Ok, $"GET {path} answered {response.Status}: {await response.TextAsync()}");
        return (await response.JsonAsync())!.Value;
    }
}
