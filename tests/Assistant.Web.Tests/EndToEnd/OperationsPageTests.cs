using System.Text.RegularExpressions;
using Assistant.Core.Audit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Xunit;
using static Microsoft.Playwright.Assertions;

namespace Assistant.Web.Tests.EndToEnd;

/// <summary>The admin operations page in Chromium: maintenance turned on by ada shows in alice's open chat and answers her.</summary>
public sealed class OperationsPageTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private const string Message = "Down for a quick upgrade, back in ten minutes.";

    [Fact]
    public async Task Maintenance_turned_on_by_an_admin_shows_a_banner_in_an_open_chat_and_answers_with_the_message()
    {
        await using var alice = await browser.SignInAsync("alice");
        await alice.OpenChatAsync();
        await Expect(alice.Page.Locator(".operations-banner")).ToHaveCountAsync(0);
        await using var ada = await browser.SignInAsync("ada");
        var page = ada.Page;

        await ada.FollowNavigationAsync("Operations");
        await Expect(page).ToHaveURLAsync(new Regex("/admin/operations$"));
        await page.Locator("[data-field=maintenance]").CheckAsync();
        await page.Locator("[data-field=message]").FillAsync(Message);
        await page.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();

        await Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("Saved: maintenance.");
        await Expect(page.Locator(".operations-changes tbody tr")).ToContainTextAsync("ada");
        await Expect(page.Locator("[data-field=source]")).ToContainTextAsync("Set by ada");
        await BrowserFixture.ScreenshotAsync(page, "operations-laptop");

        // The open chat polls the switches every second: no reload needed.
        await Expect(alice.Page.Locator(".operations-banner")).ToHaveTextAsync(Message, new() { Timeout = 3_000 });
        await alice.AskAsync("How long do I have to request a full refund?");
        await Expect(alice.Page.Locator(".bubble.assistant[data-outcome]")).ToContainTextAsync(Message);
        await Expect(alice.Page.Locator(".bubble.assistant .badge")).ToHaveTextAsync("Maintenance");
        await BrowserFixture.ScreenshotAsync(alice.Page, "operations-chat-laptop");
        var audit = await browser.Server.Services.GetRequiredService<IAuditLog>().ListAsync(new AuditQuery(Event: AuditEvent.OperationsChanged), TestContext.Current.CancellationToken);
        Assert.Equal("ada", Assert.Single(audit).Actor);
    }

    [Fact]
    public async Task Agents_are_refused_the_operations_page()
    {
        await using var sam = await browser.SignInAsync("sam");
        var page = sam.Page;

        await page.GotoAsync("/admin/operations");

        await Expect(page.GetByText(new Regex("You do not have access to this page|Your account cannot open that page"))).ToBeVisibleAsync();
        await Expect(page.Locator("[data-field=maintenance]")).ToHaveCountAsync(0);
    }
}
