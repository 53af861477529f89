using System.Text.RegularExpressions;
using Assistant.Core.Launch;
using Assistant.Web.Tests.Launch;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Xunit;
using static Microsoft.Playwright.Assertions;

namespace Assistant.Web.Tests.EndToEnd;

/// <summary>
/// /admin/launch in Chromium: the verdict, each item green, red or grey with its evidence, and a Fix link that leads to
/// the page that fixes it; a kill-switch drill done there turns its item green.
/// </summary>
public sealed class LaunchPageTests(LaunchBrowserFixture browser) : IClassFixture<LaunchBrowserFixture>
{
    [Fact]
    public async Task An_admin_sees_the_checklist_and_a_kill_switch_drill_turns_its_item_green()
    {
        // The gate report names the version this build would launch (none without a version store: then "unknown").
        var target = await browser.Server.Services.GetRequiredService<LaunchTargetResolver>().ResolveAsync(TestContext.Current.CancellationToken);
        LaunchGateFile.Write(LaunchBrowserFixture.GatePath, target.Version);
        await using var ada = await browser.SignInAsync("ada");
        var page = ada.Page;

        await page.GetByRole(AriaRole.Navigation).GetByRole(AriaRole.Link, new() { Name = "Launch", Exact = true }).ClickAsync();

        await Expect(page).ToHaveURLAsync(new Regex("/admin/launch$"));
        await Expect(page.Locator("[data-field=verdict]")).ToHaveTextAsync(new Regex("^Not ready to launch: \\d+ of 11 items ready\\.$"));
        await Expect(page.Locator(".launch-item")).ToHaveCountAsync(11);
        await Expect(Item(page, "runbook").Locator("[data-field=state]")).ToHaveTextAsync("Ready");
        await Expect(Item(page, "runbook").Locator("[data-field=detail]")).ToContainTextAsync("runbook.md has a section for each of the");
        await Expect(Item(page, "redteam-clean")).ToHaveAttributeAsync("data-state", "Ready");
        await Expect(Item(page, "held-out-reported").Locator("[data-field=detail]")).ToHaveTextAsync("1 held-out figure in the report: factRecall 0.72.");
        await Expect(Item(page, "owner-named").Locator("[data-field=detail]")).ToHaveTextAsync("Owner: Ada Lovelace <ada@example.com> (Assistant:Launch:Owner).");
        await Expect(Item(page, "alert-rules-loaded")).ToHaveAttributeAsync("data-state", "Unknown");
        await Expect(Item(page, "alert-rules-loaded").Locator("[data-field=state]")).ToHaveClassAsync(new Regex("muted"));
        await Expect(Item(page, "gate-passed")).ToHaveAttributeAsync("data-state", target.Version is null ? "Unknown" : "Ready");
        var killSwitch = Item(page, "kill-switch-tested");
        await Expect(killSwitch).ToHaveAttributeAsync("data-state", "NotReady");
        await Expect(killSwitch.Locator("[data-field=state]")).ToHaveClassAsync(new Regex("bad"));
        await Expect(killSwitch.GetByRole(AriaRole.Link, new() { Name = "Fix" })).ToHaveAttributeAsync("href", "/admin/operations");

        // The drill, on the page the Fix link names.
        await ada.GotoInteractiveAsync("/admin/operations");
        await page.Locator("[data-field=force-offline]").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("Saved: forced offline.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Back to configuration" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("Back to configuration: all on.");

        await page.GotoAsync("/admin/launch");

        await Expect(killSwitch).ToHaveAttributeAsync("data-state", "Ready");
        await Expect(killSwitch.Locator("[data-field=detail]")).ToContainTextAsync("(forced offline), cleared by ada");
        await Expect(Item(page, "audit-on")).ToHaveAttributeAsync("data-state", "Ready");
        await PageChecks.AssertAccessibleAsync(page, "the launch checklist");
        await BrowserFixture.ScreenshotAsync(page, "launch-laptop");
    }

    [Fact]
    public async Task The_checklist_fits_a_phone_screen()
    {
        await using var ada = await browser.SignInAsync("ada", width: 390, height: 844);
        var page = ada.Page;

        await page.GotoAsync("/admin/launch");

        await Expect(page.Locator(".launch-item")).ToHaveCountAsync(11);
        Assert.True(await PageChecks.FitsWidthAsync(page), "The launch checklist scrolls sideways at 390 px.");
    }

    [Fact]
    public async Task Agents_are_refused_the_launch_page()
    {
        await using var sam = await browser.SignInAsync("sam");
        var page = sam.Page;

        await page.GotoAsync("/admin/launch");

        await Expect(page.GetByText(new Regex("You do not have access to this page|Your account cannot open that page"))).ToBeVisibleAsync();
        await Expect(page.Locator(".launch-item")).ToHaveCountAsync(0);
        await Expect(page.GetByRole(AriaRole.Navigation).GetByRole(AriaRole.Link, new() { Name = "Launch", Exact = true })).ToHaveCountAsync(0);
    }

    private static ILocator Item(IPage page, string id) => page.Locator($"[data-item={id}]");
}
