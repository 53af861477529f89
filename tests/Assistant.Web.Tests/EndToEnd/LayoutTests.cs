using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using Assistant.Core.Actions;
using Assistant.Web.Components.Time;
using Microsoft.Playwright;
using Xunit;
using static Microsoft.Playwright.Assertions;

namespace Assistant.Web.Tests.EndToEnd;

/// <summary>What the pages look like at a laptop's and a phone's width: nothing covered, clipped or scrolling sideways.</summary>
public sealed class LayoutTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private const string RefundQuestion = "How long do I have to request a full refund?";

    [Fact]
    public async Task The_source_panel_covers_neither_the_question_nor_the_rating_buttons_and_shows_each_heading_once()
    {
        await using var alice = await browser.SignInAsync("alice");
        var page = alice.Page;
        await alice.AskAsync(RefundQuestion);
        var answer = page.Locator(".bubble.assistant[data-outcome]");
        await Expect(answer).ToHaveAttributeAsync("data-outcome", "Answered", new() { Timeout = 15_000 });

        await answer.Locator(".chip").First.ClickAsync();

        var panel = page.Locator("aside.source");
        await Expect(panel.Locator("mark").First).ToBeVisibleAsync();
        foreach (var covered in new[] { page.Locator(".bubble.user"), answer.GetByRole(AriaRole.Button, new() { Name = "Helpful", Exact = true }), answer.GetByRole(AriaRole.Button, new() { Name = "Not helpful" }) })
        {
            Assert.False(Overlap(await BoxAsync(panel), await BoxAsync(covered)), $"The source panel covers {covered}.");
        }
        var title = await panel.Locator("h2").TextContentAsync() ?? "";
        var text = await panel.InnerTextAsync();
        Assert.Single(Regex.Matches(text, Regex.Escape(title)));
        var lines = text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.True(lines.Length == lines.Distinct().Count(), "A line of the panel is repeated:\n" + text);
        await Expect(panel.Locator("h3")).ToHaveCountAsync(1);
        var section = await panel.Locator("h3").TextContentAsync() ?? "";
        Assert.Single(Regex.Matches(text, Regex.Escape(section)));
        await BrowserFixture.ScreenshotAsync(page, "chat-source-panel-laptop");

        await page.Keyboard.PressAsync("Escape");
        await page.SetViewportSizeAsync(390, 844);
        await answer.Locator(".chip").First.ClickAsync();
        await Expect(panel).ToBeInViewportAsync();
        Assert.False(Overlap(await BoxAsync(panel), await BoxAsync(page.Locator(".bubble.user"))), "At 390 px the panel covers the question.");
        Assert.True(await PageChecks.FitsWidthAsync(page), "The chat scrolls sideways at 390 px with the panel open.");
        await BrowserFixture.ScreenshotAsync(page, "chat-source-panel-phone-layout");
    }

    [Fact]
    public async Task At_390_px_the_action_card_fits_its_tables_and_the_conversation_list_comes_before_the_composer()
    {
        await using var alice = await browser.SignInAsync("alice", 390, 844);
        var page = alice.Page;

        // An amount no other test asks for: the same request twice would show the first one's card.
        await alice.AskAsync("Please refund $35 of invoice INV-2026-0142");

        var card = page.Locator(".action-card[data-action-id]");
        await Expect(card).ToHaveAttributeAsync("data-status", ActionStatus.AwaitingUser, new() { Timeout = 15_000 });
        Assert.True(await PageChecks.FitsWidthAsync(page), "The chat scrolls sideways at 390 px.");
        Assert.True(await PageChecks.FitsWidthAsync(page, ".action-card"), "The action card's content is wider than the card.");
        var cardBox = await BoxAsync(card);
        foreach (var table in await card.Locator("table").AllAsync())
        {
            var box = await BoxAsync(table);
            Assert.True(box.X + box.Width <= cardBox.X + cardBox.Width + 0.5, $"A table ends at {box.X + box.Width}, past the card's edge {cardBox.X + cardBox.Width}.");
        }
        var list = await BoxAsync(page.Locator("aside.conversations"));
        var composer = await BoxAsync(page.Locator("form.composer"));
        Assert.True(list.Y + list.Height <= composer.Y, $"The conversation list (top {list.Y}) should come before the composer (top {composer.Y}).");
        await BrowserFixture.ScreenshotAsync(page, "action-card-phone");
    }

    [Fact]
    public async Task At_390_px_every_audit_column_is_readable_without_scrolling_sideways()
    {
        await using (var alice = await browser.SignInAsync("alice"))
        {
            // A proposed action writes the audit log's first entry.
            await alice.AskAsync("Please refund $25 of invoice INV-2026-0142");
            await Expect(alice.Page.Locator(".action-card[data-action-id]")).ToBeVisibleAsync(new() { Timeout = 15_000 });
        }
        await using var ada = await browser.SignInAsync("ada", 390, 844);
        var page = ada.Page;
        await ada.GotoInteractiveAsync("/admin/audit");
        var firstRow = page.Locator("table.audit tbody tr").First;
        await Expect(firstRow).ToBeVisibleAsync();

        Assert.True(await PageChecks.FitsWidthAsync(page), "The audit page scrolls sideways at 390 px.");
        var cells = await firstRow.Locator("td").AllAsync();
        Assert.Equal(10, cells.Count);
        foreach (var cell in cells)
        {
            var box = await BoxAsync(cell);
            Assert.True(box.X >= 0 && box.X + box.Width <= 390.5, $"A cell spans {box.X}..{box.X + box.Width}, outside the 390 px screen: {await cell.InnerTextAsync()}");
            Assert.True(await cell.EvaluateAsync<bool>("e => e.scrollWidth <= e.clientWidth + 1"), $"A cell clips its text: {await cell.InnerTextAsync()}");
        }
        await BrowserFixture.ScreenshotAsync(page, "audit-log-phone");
    }

    [Theory]
    [InlineData("accounts-and-security/audit-log")]
    [InlineData("integrations-and-api/pagination")]
    public async Task An_article_with_a_long_unbroken_address_does_not_scroll_sideways_at_320_px(string article)
    {
        await using var alice = await browser.SignInAsync("alice", 320, 700);

        await alice.Page.GotoAsync($"/kb/{article}");

        await Expect(alice.Page.Locator("article.article")).ToBeVisibleAsync();
        Assert.True(await PageChecks.FitsWidthAsync(alice.Page), $"/kb/{article} scrolls sideways at 320 px.");
    }

    [Fact]
    public async Task A_declined_answer_starts_at_the_top_of_its_bubble()
    {
        await using var alice = await browser.SignInAsync("alice");
        await alice.AskAsync("Do you have a native HubSpot integration?");
        var declined = alice.Page.Locator(".bubble.assistant[data-outcome]");
        await Expect(declined).ToHaveAttributeAsync("data-outcome", "Abstained", new() { Timeout = 15_000 });

        var gap = await declined.EvaluateAsync<double>("""
            b => {
                const style = getComputedStyle(b);
                return b.firstElementChild.getBoundingClientRect().top - b.getBoundingClientRect().top
                    - parseFloat(style.paddingTop) - parseFloat(style.borderTopWidth);
            }
            """);

        Assert.True(gap <= 1, $"The declined bubble has a {gap:0.#} px gap above its first line.");
        await BrowserFixture.ScreenshotAsync(alice.Page, "chat-declined-laptop");
    }

    [Fact]
    public async Task Times_show_in_the_browsers_time_zone_in_the_same_format_as_dates()
    {
        const string zone = "Asia/Tokyo";
        await using var alice = await browser.SignInAsync("alice", timeZone: zone);
        var page = alice.Page;
        await alice.AskAsync("Please refund $42 of invoice INV-2026-0142");
        var card = page.Locator(".action-card[data-action-id]");
        await Expect(card).ToHaveAttributeAsync("data-status", ActionStatus.AwaitingUser, new() { Timeout = 15_000 });
        await card.GetByRole(AriaRole.Button, new() { Name = "Submit for review" }).ClickAsync();
        await Expect(card).ToHaveAttributeAsync("data-status", ActionStatus.AwaitingApproval);

        var id = await card.GetAttributeAsync("data-action-id");
        var response = await page.APIRequest.GetAsync($"/api/actions/{id}");
        var expires = (await response.JsonAsync())!.Value.GetProperty("action").GetProperty("expiresAt").GetDateTimeOffset();
        var tokyo = TimeZoneInfo.ConvertTime(expires, TimeZoneInfo.FindSystemTimeZoneById(zone));
        var expected = tokyo.ToString(UserClock.Format, CultureInfo.InvariantCulture);

        await Expect(card.Locator(".outcome time")).ToHaveTextAsync(expected);
        var text = await page.Locator("main").InnerTextAsync();
        Assert.DoesNotMatch(new Regex(@"\d{1,2}/\d{1,2}/\d{2,4}"), text);
        Assert.Matches(new Regex(@"\b\d{1,2} (January|February|March|April|May|June|July|August|September|October|November|December) \d{4}\b"), text);
    }

    private static async Task<LocatorBoundingBoxResult> BoxAsync(ILocator locator) =>
        await locator.BoundingBoxAsync() ?? throw new InvalidOperationException($"{locator} is not visible.");

    private static bool Overlap(LocatorBoundingBoxResult a, LocatorBoundingBoxResult b) =>
        a.X < b.X + b.Width && b.X < a.X + a.Width && a.Y < b.Y + b.Height && b.Y < a.Y + a.Height;
}
