using System.Text.RegularExpressions;
using Assistant.Core.Audit;
using Assistant.Core.Budgets;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Xunit;
using static Microsoft.Playwright.Assertions;

namespace Assistant.Web.Tests.EndToEnd;

/// <summary>The admin budgets page in Chromium: every scope with a usage bar, an editable limit, and the threshold events.</summary>
public sealed class BudgetsPageTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task An_admin_sees_usage_and_events_and_changes_a_limit()
    {
        var cancel = TestContext.Current.CancellationToken;
        var services = browser.Server.Services;
        // This class's server only: $17 of today's $20 is spent, past the 80 % threshold.
        var today = DateTime.UtcNow.ToString("yyyy-MM-dd");
        await services.GetRequiredService<IBudgetStore>().ReserveAsync([new BudgetAccount("global-daily", BudgetKinds.Global, "all", today, 20m)], 17m, 0.8m, cancel);
        await using var ada = await browser.SignInAsync("ada");
        var page = ada.Page;

        await ada.FollowNavigationAsync("Budgets");

        await Expect(page).ToHaveURLAsync(new Regex("/admin/budgets$"));
        var global = page.Locator("[data-scope=global-daily]");
        await Expect(global.Locator("[data-key=all] [data-field=usage]")).ToHaveTextAsync("$17.00 of $20.00 (85%), $3.00 left");
        await Expect(global.Locator("progress")).ToHaveAttributeAsync("value", "17");
        await Expect(page.Locator(".budget-events tr[data-level=soft]")).ToContainTextAsync("global-daily");
        await BrowserFixture.ScreenshotAsync(page, "budgets-laptop");

        await global.Locator("[data-field=limit]").FillAsync("25");
        await global.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();

        await Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("global-daily is now $25.00.");
        await Expect(global.Locator("[data-key=all] [data-field=usage]")).ToHaveTextAsync("$17.00 of $25.00 (68%), $8.00 left");
        await Expect(global.Locator(".meta")).ToContainTextAsync("set by ada");
        Assert.Equal(25m, Assert.Single(await services.GetRequiredService<IBudgetStore>().ListLimitsAsync(cancel)).Limit);
        Assert.Contains(await services.GetRequiredService<IAuditLog>().ListAsync(new AuditQuery(), cancel), entry => entry.Event == AuditEvent.BudgetLimitChanged && entry.Actor == "ada");
    }

    [Fact]
    public async Task Agents_are_refused_the_budgets_page()
    {
        await using var sam = await browser.SignInAsync("sam");
        var page = sam.Page;

        await page.GotoAsync("/admin/budgets");

        await Expect(page.GetByText(new Regex("You do not have access to this page|Your account cannot open that page"))).ToBeVisibleAsync();
        await Expect(page.Locator("[data-scope]")).ToHaveCountAsync(0);
    }
}
