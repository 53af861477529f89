using System.Text.RegularExpressions;
using Assistant.Core.Releases;
using Assistant.Core.Storage;
using Assistant.Core.Tracing;
using Assistant.Web.Tests.Releases;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Xunit;
using static Microsoft.Playwright.Assertions;

namespace Assistant.Web.Tests.EndToEnd;

/// <summary>The admin releases page in Chromium: ada starts a rollout to a group and a percentage, reads the guards, and rolls back.</summary>
public sealed class ReleasesPageTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task An_admin_starts_a_rollout_reads_the_diff_and_guards_and_rolls_it_back()
    {
        var services = browser.Server.Services;
        await ReleasesApi.PublishAsync(services, "v2-longer-answers");
        var stableId = (await services.GetRequiredService<IAssistantVersionStore>().ConfiguredAsync(TestContext.Current.CancellationToken)).Id;
        await using var ada = await browser.SignInAsync("ada");
        var page = ada.Page;

        await ada.FollowNavigationAsync("Releases");
        await Expect(page).ToHaveURLAsync(new Regex("/admin/releases$"));
        await Expect(page.Locator("[data-field=candidate] h2")).ToHaveTextAsync("No candidate");
        await page.Locator("select[data-field=candidate]").SelectOptionAsync("v2-longer-answers");
        await page.Locator("[data-group=beta-testers]").CheckAsync();
        await page.Locator("[data-field=percentage]").FillAsync("10");
        await page.GetByRole(AriaRole.Button, new() { Name = "Start rollout" }).ClickAsync();

        await Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("Candidate v2-longer-answers goes to groups beta-testers; 10 % of everyone else.");
        await Expect(page.Locator("[data-field=candidate] h2")).ToContainTextAsync("v2-longer-answers");
        await Expect(page.Locator(".release-diff tbody tr")).ToContainTextAsync("answers.maxAnswerWords");
        await Expect(page.Locator(".guards tbody tr")).ToHaveCountAsync(6);
        await Expect(page.Locator(".guards [data-field=verdict]").First).ToHaveTextAsync("Waiting for sample");

        // Answers from both arms, the candidate a little slower but within every guard, so the page shows a full comparison.
        await AnswersAsync(services, stableId, ReleaseArm.Stable, 24, milliseconds: 900);
        await AnswersAsync(services, "v2-longer-answers", ReleaseArm.Candidate, 21, milliseconds: 1_100);
        await ada.GotoInteractiveAsync("/admin/releases");
        await Expect(page.Locator(".guards [data-guard=latency-p95] [data-field=verdict]")).ToHaveTextAsync("Within");
        await Expect(page.Locator("[data-field=sample]")).ToContainTextAsync("Candidate: 21 of 20 answers");
        await BrowserFixture.ScreenshotAsync(page, "releases-laptop");

        await page.GetByRole(AriaRole.Button, new() { Name = "Roll back" }).ClickAsync();

        await Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("Rolled back: everyone gets stable.");
        await Expect(page.Locator("[data-field=candidate] h2")).ToHaveTextAsync("No candidate");
        await Expect(page.Locator(".release-events li").First).ToContainTextAsync("Rolled back");
        await Expect(page.Locator(".release-events li").First).ToContainTextAsync("ada");
    }

    private static async Task AnswersAsync(IServiceProvider services, string version, string arm, int count, double milliseconds)
    {
        var traces = services.GetRequiredService<ITraceStore>();
        for (var i = 0; i < count; i++)
        {
            await traces.WriteAsync(new AnswerTrace(Ids.New("trace"), null, $"user{i}", "How do refunds work?", "refunds", [], "answer-v2", "extractive", null, 0, 0,
                "bpe", 0m, new StageLatency(0, 0, 0, 0, milliseconds + i), 0.8, new VerificationSummary(2, 2, 0, 0), i % 8 == 0 ? "Abstained" : "Answered",
                null, DateTimeOffset.UtcNow) { ConfigVersion = version, ReleaseArm = arm }, TestContext.Current.CancellationToken);
        }
    }
}
