using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Assistant.Web.Tests.Insights;
using Microsoft.Playwright;
using Xunit;
using static Microsoft.Playwright.Assertions;

namespace Assistant.Web.Tests.EndToEnd;

/// <summary>
/// The staff dashboard in Chromium, over answers, feedback and handoffs made through the real API: the numbers on the
/// page are the API's, it passes axe, and it fits a phone.
/// </summary>
public sealed class DashboardPageTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private const string HubSpotQuestion = "Do you have a native HubSpot integration?";
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private async Task<HttpClient> ClientAsync(string username)
    {
        var client = new HttpClient { BaseAddress = browser.Server.BaseAddress };
        using var token = await client.PostAsJsonAsync("/api/auth/token", new { username, password = AssistantWebFactory.DemoPasswords[username] }, Cancel);
        var accessToken = (await token.Content.ReadFromJsonAsync<JsonElement>(Cancel)).GetProperty("accessToken").GetString();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
        return client;
    }

    private async Task SeedAsync()
    {
        using var alice = await ClientAsync("alice");
        using var bob = await ClientAsync("bob");
        var refund = await KpiApiTests.AskAsync(alice, "How long do I have to request a full refund?");
        var hubspot = await KpiApiTests.AskAsync(alice, HubSpotQuestion);
        var seats = await KpiApiTests.AskAsync(bob, "How do I add seats to my plan?");
        (await alice.PutAsJsonAsync($"/api/feedback/{refund.Trace}", new { rating = "down", categories = new[] { "outdated" } }, Cancel)).EnsureSuccessStatusCode();
        (await bob.PutAsJsonAsync($"/api/feedback/{seats.Trace}", new { rating = "up" }, Cancel)).EnsureSuccessStatusCode();
        (await alice.PostAsJsonAsync("/api/handoffs", new { conversationId = hubspot.Conversation }, Cancel)).EnsureSuccessStatusCode();
    }

    [Fact]
    public async Task An_agent_sees_the_apis_numbers_with_targets_trends_drift_and_gaps_on_a_laptop_and_a_phone()
    {
        await SeedAsync();
        using var api = await ClientAsync("sam");
        var report = await api.GetFromJsonAsync<JsonElement>("/api/admin/kpis", Cancel);
        await using var sam = await browser.SignInAsync("sam");
        var page = sam.Page;

        await page.GetByRole(AriaRole.Navigation).GetByRole(AriaRole.Link, new() { Name = "Dashboard" }).ClickAsync();

        await Expect(page).ToHaveURLAsync(new Regex("/admin/dashboard$"));
        foreach (var kpi in report.GetProperty("kpis").EnumerateArray())
        {
            var card = page.Locator($"[data-kpi='{kpi.GetProperty("id").GetString()}']");
            await Expect(card.Locator("[data-field=value]")).ToHaveTextAsync(kpi.GetProperty("display").GetString()!);
            await Expect(card).ToHaveAttributeAsync("data-status", kpi.GetProperty("status").GetString()!);
            await Expect(card).ToHaveAttributeAsync("title", kpi.GetProperty("definition").GetString()!);
            await Expect(card).ToHaveAccessibleDescriptionAsync(kpi.GetProperty("definition").GetString()!);
            await Expect(card.Locator("svg[role=img]")).ToHaveCountAsync(1);
        }
        var totals = report.GetProperty("totals");
        await Expect(page.Locator("[data-field=totals]")).ToContainTextAsync($"{totals.GetProperty("replies").GetInt32()} replies to {totals.GetProperty("questions").GetInt32()} questions");
        await Expect(page.Locator("table.gaps")).ToContainTextAsync(HubSpotQuestion);
        await Expect(page.Locator("[data-drift=query-mix]")).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Img, new() { NameRegex = new Regex("^Thumbs-down by what was wrong: .*Outdated [1-9]") })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "CSV" })).ToHaveAttributeAsync("href", new Regex(@"^/api/admin/kpis\.csv\?from=\d{4}-\d{2}-\d{2}&to=\d{4}-\d{2}-\d{2}$"));
        await PageChecks.AssertAccessibleAsync(page, "the dashboard");
        await BrowserFixture.ScreenshotAsync(page, "dashboard-laptop");

        await page.SetViewportSizeAsync(390, 844);
        Assert.True(await PageChecks.FitsWidthAsync(page), "The dashboard scrolls sideways at 390 px.");
        await PageChecks.AssertAccessibleAsync(page, "the dashboard at 390 px");
        await BrowserFixture.ScreenshotAsync(page, "dashboard-phone");
    }

    [Fact]
    public async Task Choosing_a_date_range_shows_that_range_and_a_reversed_range_says_what_is_wrong()
    {
        await SeedAsync();
        var today = DateTime.UtcNow.ToString("yyyy-MM-dd");
        var from = DateTime.UtcNow.AddDays(-1).ToString("yyyy-MM-dd");
        using var api = await ClientAsync("ada");
        var report = await api.GetFromJsonAsync<JsonElement>($"/api/admin/kpis?from={from}&to={today}", Cancel);
        await using var ada = await browser.SignInAsync("ada");
        var page = ada.Page;
        await page.GotoAsync("/admin/dashboard");

        await page.GetByLabel("From", new() { Exact = true }).FillAsync(from);
        await page.GetByLabel("To", new() { Exact = true }).FillAsync(today);
        await page.GetByRole(AriaRole.Button, new() { Name = "Show" }).ClickAsync();

        await Expect(page).ToHaveURLAsync(new Regex($@"from={from}&to={today}$"));
        var adoption = report.GetProperty("kpis").EnumerateArray().Single(k => k.GetProperty("id").GetString() == "adoption");
        await Expect(page.Locator("[data-kpi=adoption] [data-field=value]")).ToHaveTextAsync(adoption.GetProperty("display").GetString()!);
        await Expect(page.Locator("[data-kpi=adoption] svg circle")).ToHaveCountAsync(adoption.GetProperty("trend").EnumerateArray().Count(p => p.GetProperty("value").ValueKind == JsonValueKind.Number));

        await page.GotoAsync($"/admin/dashboard?from={today}&to={from}");
        await Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("is after 'to'");
    }

    [Fact]
    public async Task End_users_are_refused_the_dashboard()
    {
        await using var alice = await browser.SignInAsync("alice");

        await alice.Page.GotoAsync("/admin/dashboard");

        await Expect(alice.Page.GetByText(new Regex("You do not have access to this page|Your account cannot open that page"))).ToBeVisibleAsync();
        await Expect(alice.Page.Locator("[data-kpi]")).ToHaveCountAsync(0);
        await Expect(alice.Page.GetByRole(AriaRole.Navigation).GetByRole(AriaRole.Link, new() { Name = "Dashboard" })).ToHaveCountAsync(0);
    }
}
