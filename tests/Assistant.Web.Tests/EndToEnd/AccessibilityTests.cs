using System.Text.RegularExpressions;
using Assistant.Core.Actions;
using Microsoft.Playwright;
using Xunit;
using static Microsoft.Playwright.Assertions;

namespace Assistant.Web.Tests.EndToEnd;

/// <summary>WCAG 2.1 A/AA on every page (axe-core), plus what axe cannot judge: heading order, names, contrast, announcements.</summary>
public sealed class AccessibilityTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private const string RefundQuestion = "How long do I have to request a full refund?";

    [Fact]
    public async Task Every_page_passes_axe_core_wcag_2_1_a_and_aa()
    {
        await using (var visitor = await browser.OpenAsync())
        {
            await visitor.Page.GotoAsync("/signin");
            await PageChecks.AssertAccessibleAsync(visitor.Page, "the sign-in page");
            await visitor.Page.GotoAsync("/no/such/page");
            await Expect(visitor.Page.GetByRole(AriaRole.Heading, new() { Name = "Not found", Level = 1 })).ToBeVisibleAsync();
            await PageChecks.AssertAccessibleAsync(visitor.Page, "the not-found page");
        }

        await using (var alice = await browser.SignInAsync("alice"))
        {
            var page = alice.Page;
            await alice.AskAsync(RefundQuestion);
            var answer = page.Locator(".bubble.assistant[data-outcome]").Last;
            await Expect(answer).ToHaveAttributeAsync("data-outcome", "Answered", new() { Timeout = 15_000 });
            await PageChecks.AssertAccessibleAsync(page, "the chat with an answer");

            await answer.Locator(".chip").First.ClickAsync();
            await Expect(page.Locator("aside.source mark").First).ToBeVisibleAsync();
            await PageChecks.AssertAccessibleAsync(page, "the chat with the source panel open");
            await page.Keyboard.PressAsync("Escape");

            await alice.AskAsync("Do you have a native HubSpot integration?");
            var declined = page.Locator(".bubble.assistant[data-outcome]").Last;
            await Expect(declined).ToHaveAttributeAsync("data-outcome", "Abstained", new() { Timeout = 15_000 });
            await declined.GetByRole(AriaRole.Button, new() { Name = "Talk to a person" }).ClickAsync();
            await Expect(declined.GetByRole(AriaRole.Status)).ToBeVisibleAsync();
            await PageChecks.AssertAccessibleAsync(page, "the chat with a declined answer handed to a person");

            await alice.AskAsync("Please refund $45 of invoice INV-2026-0142");
            var card = page.Locator(".action-card[data-action-id]");
            await Expect(card).ToHaveAttributeAsync("data-status", ActionStatus.AwaitingUser, new() { Timeout = 15_000 });
            await card.GetByRole(AriaRole.Button, new() { Name = "Submit for review" }).ClickAsync();
            await Expect(card).ToHaveAttributeAsync("data-status", ActionStatus.AwaitingApproval);
            await PageChecks.AssertAccessibleAsync(page, "the chat with an action card");

            await page.GotoAsync("/kb/policies/refund-policy?at=1000");
            await Expect(page.Locator("article.article")).ToBeVisibleAsync();
            await PageChecks.AssertAccessibleAsync(page, "an article");
        }

        await using (var sam = await browser.SignInAsync("sam"))
        {
            await sam.GotoInteractiveAsync("/agent/handoffs");
            await Expect(sam.Page.Locator(".handoff").First).ToBeVisibleAsync();
            await PageChecks.AssertAccessibleAsync(sam.Page, "the handoff queue");
            await sam.GotoInteractiveAsync("/agent/actions");
            await Expect(sam.Page.Locator(".review").First).ToBeVisibleAsync();
            await PageChecks.AssertAccessibleAsync(sam.Page, "the review queue");
        }

        await using var ada = await browser.SignInAsync("ada");
        await ada.GotoInteractiveAsync("/admin/audit");
        await Expect(ada.Page.Locator("table.audit tbody tr").First).ToBeVisibleAsync();
        await PageChecks.AssertAccessibleAsync(ada.Page, "the audit log");
        await ada.Page.GotoAsync("/agent/nothing-here");
        await Expect(ada.Page.GetByRole(AriaRole.Heading, new() { Name = "Not found", Level = 1 })).ToBeVisibleAsync();
        await PageChecks.AssertAccessibleAsync(ada.Page, "the not-found page, signed in");
    }

    [Fact]
    public async Task Staff_pages_never_skip_a_heading_level_and_name_each_handoff_for_a_person_not_by_its_id()
    {
        await using (var alice = await browser.SignInAsync("alice"))
        {
            await alice.AskAsync("Do you have a native HubSpot integration?");
            var declined = alice.Page.Locator(".bubble.assistant[data-outcome]");
            await Expect(declined).ToHaveAttributeAsync("data-outcome", "Abstained", new() { Timeout = 15_000 });
            await declined.GetByRole(AriaRole.Button, new() { Name = "Talk to a person" }).ClickAsync();
            await Expect(declined.GetByRole(AriaRole.Status)).ToBeVisibleAsync();
            await alice.AskAsync("Please refund $55 of invoice INV-2026-0142");
            var card = alice.Page.Locator(".action-card[data-action-id]");
            await Expect(card).ToHaveAttributeAsync("data-status", ActionStatus.AwaitingUser, new() { Timeout = 15_000 });
            await card.GetByRole(AriaRole.Button, new() { Name = "Submit for review" }).ClickAsync();
            await Expect(card).ToHaveAttributeAsync("data-status", ActionStatus.AwaitingApproval);
        }

        await using var sam = await browser.SignInAsync("sam");
        foreach (var path in new[] { "/agent/actions", "/agent/handoffs" })
        {
            await sam.GotoInteractiveAsync(path);
            await Expect(sam.Page.Locator(path.EndsWith("actions") ? ".review" : ".handoff").First).ToBeVisibleAsync();
            var levels = await sam.Page.EvaluateAsync<int[]>("() => [...document.querySelectorAll('main h1, main h2, main h3, main h4, main h5, main h6')].map(h => +h.tagName[1])");
            Assert.Equal(1, levels[0]);
            for (var i = 1; i < levels.Length; i++)
            {
                Assert.True(levels[i] <= levels[i - 1] + 1, $"{path}: heading h{levels[i]} follows h{levels[i - 1]} ({string.Join(", ", levels)})");
            }
        }

        var handoff = sam.Page.Locator(".handoff").Filter(new() { HasText = "HubSpot" }).First;
        var id = await handoff.GetAttributeAsync("data-handoff-id");
        var region = sam.Page.GetByRole(AriaRole.Region, new() { Name = "alice: " }).Filter(new() { HasText = "HubSpot" }).First;
        await Expect(region).ToBeVisibleAsync();
        await Expect(handoff.GetByRole(AriaRole.Heading, new() { Level = 2 })).ToHaveTextAsync(new Regex("^alice: "));
        await Expect(handoff).ToHaveAccessibleNameAsync(new Regex("^alice: "));
        await Expect(handoff).Not.ToHaveAccessibleNameAsync(new Regex(Regex.Escape(id!)));
    }

    [Fact]
    public async Task The_focus_ring_and_form_field_borders_contrast_at_least_3_to_1_with_the_page()
    {
        await using var alice = await browser.SignInAsync("alice");
        var page = alice.Page;
        await alice.OpenChatAsync();

        await page.Keyboard.PressAsync("Shift+Tab");
        var ring = await page.EvaluateAsync<string>("() => getComputedStyle(document.activeElement).outlineColor");
        var border = await page.Locator("#question").EvaluateAsync<string>("e => getComputedStyle(e).borderTopColor");
        var background = await page.Locator(".thread").EvaluateAsync<string>("e => getComputedStyle(e).backgroundColor");

        Assert.True(PageChecks.ContrastRatio(ring, background) >= 3, $"focus ring {ring} on {background}: {PageChecks.ContrastRatio(ring, background):0.00}:1");
        Assert.True(PageChecks.ContrastRatio(border, background) >= 3, $"field border {border} on {background}: {PageChecks.ContrastRatio(border, background):0.00}:1");
        var pageBackground = await page.EvaluateAsync<string>("() => getComputedStyle(document.documentElement).backgroundColor");
        Assert.True(PageChecks.ContrastRatio(ring, pageBackground) >= 3, $"focus ring {ring} on the page {pageBackground}");
    }

    [Fact]
    public async Task Only_the_finished_answer_is_announced_not_the_question_badges_or_explanation()
    {
        await using var alice = await browser.SignInAsync("alice");
        var page = alice.Page;

        await alice.AskAsync(RefundQuestion);

        var answer = page.Locator(".bubble.assistant[data-outcome]");
        await Expect(answer).ToHaveAttributeAsync("data-outcome", "Answered", new() { Timeout = 15_000 });
        await Expect(page.Locator(".messages")).Not.ToHaveAttributeAsync("aria-live", new Regex("."));
        var live = page.Locator(".thread [aria-live]");
        await Expect(live).ToHaveCountAsync(1);
        await Expect(live).ToContainTextAsync("14 days");
        var announced = await live.TextContentAsync() ?? "";
        Assert.DoesNotContain(RefundQuestion, announced);
        Assert.DoesNotContain("confidence", announced, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(await answer.Locator("p.explanation").TextContentAsync() ?? "—", announced);
        Assert.DoesNotContain("[1]", announced);
    }
}
