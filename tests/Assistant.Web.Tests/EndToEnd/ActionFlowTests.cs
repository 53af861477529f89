using Assistant.Core.Actions;
using Assistant.Core.Audit;
using Assistant.Core.Backoffice;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Xunit;
using static Microsoft.Playwright.Assertions;

namespace Assistant.Web.Tests.EndToEnd;

public sealed class ActionFlowTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private const string RefundQuestion = "Please refund $120 of invoice INV-2026-0142";

    [Fact]
    public async Task A_refund_submitted_from_chat_is_approved_by_an_agent_runs_once_and_updates_the_users_card_live()
    {
        await using var alice = await browser.SignInAsync("alice");
        await alice.AskAsync(RefundQuestion);

        var card = alice.Page.Locator(".action-card[data-action-id]");
        await Expect(card).ToHaveAttributeAsync("data-status", ActionStatus.AwaitingUser, new() { Timeout = 15_000 });
        await Expect(card).ToContainTextAsync("INV-2026-0142");
        await Expect(card.Locator(".changes")).ToBeVisibleAsync();
        await Expect(card.Locator(".who-approves")).ToContainTextAsync("agent");
        // The charge is eight months old against a 30-day window: the customer is told before submitting.
        await Expect(card.Locator(".policy-conflict")).ToContainTextAsync("Outside the refund policy");
        await Expect(alice.Page.Locator(".bubble.assistant")).ToHaveCountAsync(0);
        await BrowserFixture.ScreenshotAsync(alice.Page, "action-card-preview-laptop");

        await card.GetByRole(AriaRole.Button, new() { Name = "Submit for review" }).ClickAsync();

        await Expect(card).ToHaveAttributeAsync("data-status", ActionStatus.AwaitingApproval);
        await Expect(card.GetByRole(AriaRole.Button)).ToHaveCountAsync(0);
        var actionId = await card.GetAttributeAsync("data-action-id");
        var backoffice = browser.Server.Services.GetRequiredService<IBackofficeStore>();
        var refundedBefore = await RefundedAsync(backoffice);

        await using (var sam = await browser.SignInAsync("sam"))
        {
            await sam.GotoInteractiveAsync("/agent/actions");
            var review = sam.Page.Locator($".review[data-action-id='{actionId}']");
            await Expect(review).ToBeVisibleAsync();
            await Expect(review.Locator(".transcript .bubble.user")).ToHaveTextAsync(RefundQuestion);
            // Staff see what the customer was shown (the request), never a knowledge-base reply the chat hid.
            await Expect(review.Locator(".transcript .bubble.assistant")).ToContainTextAsync("Refund $120.00 of invoice INV-2026-0142.");
            await Expect(review.Locator(".transcript")).Not.ToContainTextAsync("couldn't find");
            await Expect(review.Locator(".policy-conflict")).ToContainTextAsync("Outside the refund policy");
            await Expect(review.Locator(".facts").First).ToContainTextAsync("Alice Martin, Brightpath Studio");
            // The plan itself depends on test order (another test upgrades alice on the shared server); its line must be there.
            await Expect(review.Locator(".facts").First).ToContainTextAsync(new System.Text.RegularExpressions.Regex(@"Plan(Team|Business) · 8 seats · annual"));
            await Expect(review.Locator(".arguments")).ToContainTextAsync("INV-2026-0142");
            await BrowserFixture.ScreenshotAsync(sam.Page, "review-queue-laptop");

            await review.Locator("textarea").FillAsync("Paid invoice, within the refund window; customer asked in chat.");
            await review.GetByRole(AriaRole.Button, new() { Name = "Approve" }).ClickAsync();

            // A success looks like one: green, not the warning yellow.
            var notice = sam.Page.Locator(".notice");
            await Expect(notice).ToContainTextAsync("done");
            await Expect(notice).ToHaveClassAsync(new System.Text.RegularExpressions.Regex(@"\bsuccess\b"));
            await Expect(notice).ToHaveCSSAsync("background-color", "rgb(233, 246, 239)");
            await BrowserFixture.ScreenshotAsync(sam.Page, "review-queue-approved-laptop");
            await Expect(review).ToHaveCountAsync(0);
        }

        await Expect(card).ToHaveAttributeAsync("data-status", ActionStatus.Executed);
        await Expect(card.Locator(".result")).ToBeVisibleAsync();
        await BrowserFixture.ScreenshotAsync(alice.Page, "action-card-executed-laptop");

        var services = browser.Server.Services;
        var audit = await services.GetRequiredService<IAuditLog>().ListAsync(new AuditQuery(ActionId: actionId), TestContext.Current.CancellationToken);
        Assert.Equal([AuditEvent.Proposed, AuditEvent.Confirmed, AuditEvent.Approved, AuditEvent.Executed], audit.Reverse().Select(e => e.Event));
        Assert.Equal("sam", audit.Single(e => e.Event == AuditEvent.Approved).Actor);
        Assert.Equal(refundedBefore + 120m, await RefundedAsync(backoffice));

        await using var ada = await browser.SignInAsync("ada");
        await ada.GotoInteractiveAsync("/admin/audit");
        await Expect(ada.Page.Locator($"table.audit tbody tr[data-action-id='{actionId}']")).ToHaveCountAsync(4);
        await Expect(ada.Page.GetByRole(AriaRole.Link, new() { Name = "Export JSONL" })).ToHaveAttributeAsync("href", "/api/audit/export");
        await BrowserFixture.ScreenshotAsync(ada.Page, "audit-log-laptop");
    }

    [Fact]
    public async Task A_refund_above_the_agent_limit_shows_the_agent_that_an_admin_must_approve_it()
    {
        await using var alice = await browser.SignInAsync("alice");
        await alice.AskAsync("Please refund $600 of invoice INV-2026-0142");
        var card = alice.Page.Locator(".action-card[data-action-id]");
        await Expect(card).ToHaveAttributeAsync("data-status", ActionStatus.AwaitingUser, new() { Timeout = 15_000 });
        await Expect(card.Locator(".who-approves")).ToContainTextAsync("admin");
        await card.GetByRole(AriaRole.Button, new() { Name = "Submit for review" }).ClickAsync();
        await Expect(card).ToHaveAttributeAsync("data-status", ActionStatus.AwaitingApproval);
        var actionId = await card.GetAttributeAsync("data-action-id");

        await using (var sam = await browser.SignInAsync("sam"))
        {
            await sam.GotoInteractiveAsync("/agent/actions");
            var review = sam.Page.Locator($".review[data-action-id='{actionId}']");
            await review.GetByRole(AriaRole.Button, new() { Name = "Approve" }).ClickAsync();

            await Expect(review.GetByRole(AriaRole.Alert)).ToContainTextAsync("admin");
            await Expect(review).ToHaveAttributeAsync("data-status", ActionStatus.AwaitingApproval);
            await BrowserFixture.ScreenshotAsync(sam.Page, "review-queue-needs-admin-laptop");
        }

        await using var ada = await browser.SignInAsync("ada");
        await ada.GotoInteractiveAsync("/agent/actions");
        var adaReview = ada.Page.Locator($".review[data-action-id='{actionId}']");
        await adaReview.GetByRole(AriaRole.Button, new() { Name = "Approve" }).ClickAsync();
        // Outside the refund window: approving needs a reason, and the problem says so.
        await Expect(adaReview.GetByRole(AriaRole.Alert).Last).ToContainTextAsync("conflicts with policy");
        await adaReview.Locator("textarea").FillAsync("Exception to the refund window: billed twice.");
        await adaReview.GetByRole(AriaRole.Button, new() { Name = "Approve" }).ClickAsync();
        await Expect(ada.Page.Locator($".review[data-action-id='{actionId}']")).ToHaveCountAsync(0);
        await Expect(card).ToHaveAttributeAsync("data-status", ActionStatus.Executed);
    }

    [Fact]
    public async Task A_plan_upgrade_the_user_confirms_runs_at_once()
    {
        await using var alice = await browser.SignInAsync("alice");
        await alice.AskAsync("Upgrade us to Business");

        var card = alice.Page.Locator(".action-card[data-action-id]");
        await Expect(card).ToHaveAttributeAsync("data-status", ActionStatus.AwaitingUser, new() { Timeout = 15_000 });
        await Expect(card).ToContainTextAsync("Business");

        await card.GetByRole(AriaRole.Button, new() { Name = "Confirm" }).ClickAsync();

        await Expect(card).ToHaveAttributeAsync("data-status", ActionStatus.Executed);
        await Expect(card.Locator(".result")).ToContainTextAsync("Business");
        await BrowserFixture.ScreenshotAsync(alice.Page, "action-card-confirmed-laptop");
        await alice.Page.SetViewportSizeAsync(390, 844);
        await BrowserFixture.ScreenshotAsync(alice.Page, "action-card-confirmed-phone");

        var subscription = await browser.Server.Services.GetRequiredService<IBackofficeStore>().GetSubscriptionAsync(BackofficeSeed.AliceCustomerId, TestContext.Current.CancellationToken);
        Assert.Equal("Business", subscription!.Plan);
    }

    private static async Task<decimal> RefundedAsync(IBackofficeStore backoffice) =>
        (await backoffice.GetInvoiceAsync(BackofficeSeed.AliceCustomerId, "INV-2026-0142", TestContext.Current.CancellationToken))!.RefundedAmount;
}
