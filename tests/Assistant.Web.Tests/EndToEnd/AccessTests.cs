using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Xunit;
using static Microsoft.Playwright.Assertions;

namespace Assistant.Web.Tests.EndToEnd;

public sealed class AccessTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task Signed_out_visitors_opening_the_chat_are_sent_to_sign_in_and_back_afterwards()
    {
        await using var visitor = await browser.OpenAsync();
        var page = visitor.Page;

        await page.GotoAsync("/chat");

        await Expect(page).ToHaveURLAsync(new Regex(@"/signin\?ReturnUrl=%2Fchat$"));
        await Expect(page.Locator("#username")).ToBeVisibleAsync();
        await BrowserFixture.ScreenshotAsync(page, "signin-laptop");

        await page.Locator("#username").FillAsync("alice");
        await page.Locator("#password").FillAsync(AssistantWebFactory.DemoPasswords["alice"]);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();

        await Expect(page).ToHaveURLAsync(new Regex(@"/chat$"));
        await Expect(page.Locator("#question")).ToBeVisibleAsync();
    }

    [Fact]
    public async Task A_wrong_password_returns_to_sign_in_with_an_error_and_no_session()
    {
        await using var visitor = await browser.OpenAsync();
        var page = visitor.Page;

        await visitor.SignInAsync("alice", "not-the-password");

        await Expect(page).ToHaveURLAsync(new Regex(@"/signin\?failed=1"));
        await Expect(page.GetByRole(AriaRole.Alert)).ToHaveTextAsync("The username or password is not right. Try again.");
        await BrowserFixture.ScreenshotAsync(page, "signin-failed-laptop");
        await page.GotoAsync("/chat");
        await Expect(page).ToHaveURLAsync(new Regex("/signin"));
    }

    [Fact]
    public async Task End_users_are_refused_the_agents_handoff_queue()
    {
        await using var alice = await browser.SignInAsync("alice");
        var page = alice.Page;
        await Expect(page.GetByRole(AriaRole.Navigation).GetByRole(AriaRole.Link, new() { Name = "Handoffs" })).ToHaveCountAsync(0);

        await page.GotoAsync("/agent/handoffs");

        await Expect(page.GetByText(new Regex("You do not have access to this page|Your account cannot open that page"))).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Handoffs" })).ToHaveCountAsync(0);
        await Expect(page.Locator(".handoff")).ToHaveCountAsync(0);
        await BrowserFixture.ScreenshotAsync(page, "handoffs-refused-laptop");
    }

    [Fact]
    public async Task A_cited_article_opens_with_the_section_of_the_citation_highlighted()
    {
        await using var alice = await browser.SignInAsync("alice");
        var page = alice.Page;

        // Offset 1000 of refund-policy.md lies in the "Full refund within 14 days of first purchase" section.
        await page.GotoAsync("/kb/policies/refund-policy?at=1000");

        var article = page.Locator("article.article");
        await Expect(article).ToHaveAttributeAsync("data-document", "policies/refund-policy");
        await Expect(article.GetByRole(AriaRole.Heading, new() { Name = "Refund policy", Level = 1 })).ToBeVisibleAsync();
        var highlight = "rgb(255, 243, 176)";
        await Expect(article.GetByRole(AriaRole.Heading, new() { Name = "Full refund within 14 days of first purchase" }))
            .ToHaveCSSAsync("background-color", highlight);
        await Expect(article.GetByRole(AriaRole.Heading, new() { Name = "Summary" }))
            .Not.ToHaveCSSAsync("background-color", highlight);
        await BrowserFixture.ScreenshotAsync(page, "article-cited-section-laptop");
    }

    [Fact]
    public async Task Shift_Enter_starts_a_new_line_in_the_question_without_sending_it()
    {
        await using var alice = await browser.SignInAsync("alice");
        var page = alice.Page;
        var question = await alice.OpenChatAsync();

        await question.PressSequentiallyAsync("First line");
        await question.PressAsync("Shift+Enter");
        await question.PressSequentiallyAsync("second line");

        await Expect(question).ToHaveValueAsync("First line\nsecond line");
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Send" })).ToBeEnabledAsync();
        await Expect(page.Locator(".bubble")).ToHaveCountAsync(0);
        await Expect(page.Locator(".empty")).ToBeVisibleAsync();
    }
}
