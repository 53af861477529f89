using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Xunit;
using static Microsoft.Playwright.Assertions;

namespace Assistant.Web.Tests.EndToEnd;

/// <summary>The admin's index page in Chromium: what is served and how far the background embedding has come.</summary>
public sealed class IndexStatusPageTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task An_admin_sees_the_served_index_and_its_embedding_progress_with_definitions()
    {
        await using var ada = await browser.SignInAsync("ada");
        var page = ada.Page;

        await page.GetByRole(AriaRole.Navigation).GetByRole(AriaRole.Link, new() { Name = "Index", Exact = true }).ClickAsync();

        await Expect(page).ToHaveURLAsync(new Regex("/admin/index$"));
        await Expect(page.Locator("[data-field=documents]")).ToHaveTextAsync(new Regex(@"^\d[\d,]*$"));
        await Expect(page.Locator("[data-field=model]")).ToContainTextAsync("hashing");
        await Expect(page.Locator("[data-field=embedded]")).ToHaveTextAsync(new Regex(@"^[\d,]+ of [\d,]+$"));
        await Expect(page.GetByText("the units search returns and answers cite")).ToBeVisibleAsync();
        await BrowserFixture.ScreenshotAsync(page, "index-status-laptop");
    }

    [Fact]
    public async Task End_users_are_refused_the_index_page()
    {
        await using var alice = await browser.SignInAsync("alice");
        var page = alice.Page;

        await page.GotoAsync("/admin/index");

        await Expect(page.GetByText(new Regex("You do not have access to this page|Your account cannot open that page"))).ToBeVisibleAsync();
        await Expect(page.Locator("[data-field=embedded]")).ToHaveCountAsync(0);
    }
}
