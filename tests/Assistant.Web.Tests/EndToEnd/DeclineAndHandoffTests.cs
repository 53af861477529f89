using System.Text.RegularExpressions;
using Assistant.Core.Handoffs;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Xunit;
using static Microsoft.Playwright.Assertions;

namespace Assistant.Web.Tests.EndToEnd;

public sealed class DeclineAndHandoffTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private const string Question = "Do you have a native HubSpot integration?";

    [Fact]
    public async Task A_question_the_help_center_cannot_answer_is_declined_and_handed_to_an_agent_who_claims_and_closes_it()
    {
        string handoffId;
        await using (var alice = await browser.SignInAsync("alice"))
        {
            var page = alice.Page;
            await alice.AskAsync(Question);

            var answer = page.Locator(".bubble.assistant[data-outcome]");
            await Expect(answer).ToHaveAttributeAsync("data-outcome", "Abstained", new() { Timeout = 15_000 });
            await Expect(answer.Locator(".chip")).ToHaveCountAsync(0);
            var related = answer.Locator(".suggestions a");
            await Expect(related.First).ToBeVisibleAsync();
            await Expect(related.First).ToHaveAttributeAsync("href", new Regex("^/kb/.+"));
            await BrowserFixture.ScreenshotAsync(page, "chat-declined-laptop");

            await answer.GetByRole(AriaRole.Button, new() { Name = "Talk to a person" }).ClickAsync();

            // The customer is told what happens next, in words; the internal request id is for staff, not for them.
            var confirmation = answer.GetByRole(AriaRole.Status).Filter(new() { HasText = "support agent will pick up this conversation" });
            await Expect(confirmation).ToBeVisibleAsync();
            await Expect(confirmation).ToContainTextAsync("no need to repeat it");
            await Expect(answer.GetByRole(AriaRole.Button, new() { Name = "Talk to a person" })).ToHaveCountAsync(0);
            var conversationId = Regex.Match(page.Url, "/chat/([^/?#]+)").Groups[1].Value;
            var handoffs = await browser.Server.Services.GetRequiredService<IHandoffStore>().ListAsync(cancellationToken: TestContext.Current.CancellationToken);
            handoffId = handoffs.Single(h => h.ConversationId == conversationId).Id;
            await Expect(answer).Not.ToContainTextAsync(handoffId);
            await BrowserFixture.ScreenshotAsync(page, "chat-handed-off-laptop");
        }

        await using var sam = await browser.SignInAsync("sam");
        await sam.GotoInteractiveAsync("/agent/handoffs");
        var handoff = sam.Page.Locator($".handoff[data-handoff-id='{handoffId}']");
        var status = handoff.Locator(".status");
        await Expect(handoff).ToBeVisibleAsync();
        await Expect(status).ToHaveTextAsync("open");
        await Expect(handoff.Locator(".transcript .bubble.user")).ToHaveTextAsync(Question);
        await Expect(handoff.Locator(".transcript .bubble.assistant")).ToHaveCountAsync(1);
        await BrowserFixture.ScreenshotAsync(sam.Page, "handoffs-open-laptop");

        await handoff.GetByRole(AriaRole.Button, new() { Name = "Claim" }).ClickAsync();

        await Expect(status).ToHaveTextAsync("claimed");
        await Expect(handoff).ToContainTextAsync("claimed by sam");
        await BrowserFixture.ScreenshotAsync(sam.Page, "handoffs-claimed-laptop");

        await handoff.GetByRole(AriaRole.Button, new() { Name = "Close" }).ClickAsync();

        await Expect(status).ToHaveTextAsync("closed");
        await Expect(handoff.GetByRole(AriaRole.Button)).ToHaveCountAsync(0);

        // A closed handoff leaves the queue.
        await sam.GotoInteractiveAsync("/agent/handoffs");
        await Expect(sam.Page.Locator($".handoff[data-handoff-id='{handoffId}']")).ToHaveCountAsync(0);
        await BrowserFixture.ScreenshotAsync(sam.Page, "handoffs-after-close-laptop");
    }
}
