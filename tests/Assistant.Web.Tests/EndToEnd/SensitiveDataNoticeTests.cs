using Assistant.Web.Tests.Privacy;
using Xunit;
using static Microsoft.Playwright.Assertions;

namespace Assistant.Web.Tests.EndToEnd;

public sealed class SensitiveDataNoticeTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task A_card_number_typed_into_the_chat_is_shown_masked_with_a_notice_that_it_was_removed()
    {
        await using var alice = await browser.SignInAsync("alice");
        var page = alice.Page;

        await alice.AskAsync(SensitiveInput.Message);

        var notice = page.Locator(".privacy-notice");
        await Expect(notice).ToContainTextAsync("I removed a card number, a Social Security number and a password or key", new() { Timeout = 15_000 });
        await Expect(page.Locator(".bubble.user")).ToContainTextAsync("My card is [card •••• 1111] and my SSN is [SSN removed].");
        await Expect(page.Locator(".bubble.assistant[data-outcome]")).ToHaveCountAsync(1, new() { Timeout = 15_000 });
        // The page moves to the new conversation's address and reloads it from storage; the notice stays.
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/chat/conv_"));
        await Expect(notice).ToContainTextAsync("We never need these");
        await BrowserFixture.ScreenshotAsync(page, "chat-sensitive-data-laptop");
        Assert.Empty(SensitiveInput.FoundIn(await page.Locator(".messages").InnerTextAsync()));
    }
}
