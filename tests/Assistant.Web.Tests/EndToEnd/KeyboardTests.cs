using Microsoft.Playwright;
using Xunit;
using static Microsoft.Playwright.Assertions;

namespace Assistant.Web.Tests.EndToEnd;

/// <summary>The chat with the keyboard alone: focus goes into what opens, Escape closes it, focus comes back.</summary>
public sealed class KeyboardTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    // Marks the focused element, so a test can tell it is focused again later (Blazor keeps unknown attributes).
    private const string MarkOpener = "() => document.activeElement.setAttribute('data-test-opener', '')";
    private const string OpenerIsFocused = "() => document.activeElement?.hasAttribute('data-test-opener') === true";

    [Fact]
    public async Task A_citation_opened_from_the_keyboard_takes_focus_sits_before_the_composer_and_Escape_returns_to_its_chip()
    {
        await using var alice = await browser.SignInAsync("alice");
        var page = alice.Page;
        await AskWithKeyboardAsync(alice, "How long do I have to request a full refund?");

        await PageChecks.TabUntilAsync(page, "e => e.classList.contains('chip')", "a source chip", backwards: true);
        await page.EvaluateAsync(MarkOpener);
        await page.Keyboard.PressAsync("Enter");

        var panel = page.Locator("aside.source");
        await Expect(panel).ToBeVisibleAsync();
        await Expect(panel.Locator("h2")).ToBeFocusedAsync();
        // Tab order: from the panel the next stop is the composer, so the panel is reached right after the answer.
        await PageChecks.TabUntilAsync(page, "e => !e.closest('aside.source')", "a control outside the panel");
        await Expect(page.Locator("#question")).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("Shift+Tab");
        Assert.True(await PageChecks.FocusIsInsideAsync(page, "aside.source"), $"Shift+Tab from the composer went to {await PageChecks.FocusedAsync(page)}");

        await page.Keyboard.PressAsync("Escape");

        await Expect(panel).ToHaveCountAsync(0);
        await AssertOpenerFocusedAsync(page);

        // The Close button gives focus back the same way.
        await page.Keyboard.PressAsync("Enter");
        await Expect(panel.Locator("h2")).ToBeFocusedAsync();
        await PageChecks.TabUntilAsync(page, "e => e.getAttribute('aria-label') === 'Close source'", "the Close button");
        await page.Keyboard.PressAsync("Enter");
        await Expect(panel).ToHaveCountAsync(0);
        await AssertOpenerFocusedAsync(page);
    }

    [Fact]
    public async Task The_not_helpful_form_takes_focus_closes_on_Escape_and_gives_focus_back_after_saving()
    {
        await using var alice = await browser.SignInAsync("alice");
        var page = alice.Page;
        await AskWithKeyboardAsync(alice, "How long do I have to request a full refund?");

        await PageChecks.TabUntilAsync(page, "e => e.getAttribute('aria-label') === 'Not helpful'", "the 👎 button", backwards: true);
        await page.EvaluateAsync(MarkOpener);
        await page.Keyboard.PressAsync("Enter");

        var form = page.Locator(".feedback-form");
        await Expect(form).ToBeVisibleAsync();
        await Expect(form.Locator("input[type=checkbox]").First).ToBeFocusedAsync();

        await page.Keyboard.PressAsync("Escape");

        await Expect(form).ToHaveCountAsync(0);
        await AssertOpenerFocusedAsync(page);

        await page.Keyboard.PressAsync("Enter");
        await Expect(form.Locator("input[type=checkbox]").First).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("Space");
        await Expect(form.Locator("input[type=checkbox]").First).ToBeCheckedAsync();
        await PageChecks.TabUntilAsync(page, "e => e.textContent.trim() === 'Send feedback'", "the Send feedback button");
        await page.Keyboard.PressAsync("Enter");

        await Expect(page.GetByText("Thanks, feedback saved.")).ToBeVisibleAsync();
        await Expect(form).ToHaveCountAsync(0);
        await AssertOpenerFocusedAsync(page);
    }

    private static async Task AskWithKeyboardAsync(BrowserSession session, string question)
    {
        await session.OpenChatAsync();
        await session.Page.Keyboard.TypeAsync(question);
        await session.Page.Keyboard.PressAsync("Enter");
        await Expect(session.Page.Locator(".bubble.assistant[data-outcome]")).ToHaveAttributeAsync("data-outcome", "Answered", new() { Timeout = 15_000 });
    }

    private static async Task AssertOpenerFocusedAsync(IPage page)
    {
        await Expect(page.Locator("[data-test-opener]")).ToBeFocusedAsync();
        Assert.True(await page.EvaluateAsync<bool>(OpenerIsFocused), $"Focus is on {await PageChecks.FocusedAsync(page)}");
    }
}
