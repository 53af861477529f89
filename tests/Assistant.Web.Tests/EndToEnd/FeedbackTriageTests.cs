using System.Text.RegularExpressions;
using Assistant.Core.Answers;
using Assistant.Core.Evaluation;
using Assistant.Core.Feedback;
using Assistant.Core.Feedback.Triage;
using Assistant.Core.Tracing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Xunit;
using static Microsoft.Playwright.Assertions;

namespace Assistant.Web.Tests.EndToEnd;

public sealed class FeedbackTriageTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private const string Question = "How long do I have to request a full refund?";

    [Fact]
    public async Task A_thumbs_down_becomes_a_golden_case_through_triage_and_the_next_eval_runs_it()
    {
        var cancel = TestContext.Current.CancellationToken;
        await using (var alice = await browser.SignInAsync("alice"))
        {
            await alice.AskAsync(Question);
            var answer = alice.Page.Locator(".bubble.assistant[data-outcome]");
            await Expect(answer).ToHaveAttributeAsync("data-outcome", "Answered", new() { Timeout = 15_000 });
            await answer.GetByRole(AriaRole.Button, new() { Name = "Not helpful" }).ClickAsync();
            await answer.GetByLabel("Outdated").CheckAsync();
            await answer.GetByRole(AriaRole.Button, new() { Name = "Send feedback" }).ClickAsync();
            await Expect(answer.GetByText("Thanks, feedback saved.")).ToBeVisibleAsync();
        }
        var feedbackId = (await browser.Server.Services.GetRequiredService<IFeedbackStore>().ListAsync(cancellationToken: cancel)).Single().Id;

        await using var sam = await browser.SignInAsync("sam");
        await sam.GotoInteractiveAsync("/agent/feedback");
        var item = sam.Page.Locator($".triage-item[data-feedback-id='{feedbackId}']");
        await Expect(item.GetByRole(AriaRole.Heading)).ToHaveTextAsync($"alice: {Question}");
        await Expect(item).ToContainTextAsync("Outdated");
        await Expect(item.Locator(".trace-summary summary")).ToContainTextAsync("prompt");
        await item.GetByLabel("Root cause").SelectOptionAsync("outdated-content");
        await item.GetByRole(AriaRole.Button, new() { Name = "Save triage" }).ClickAsync();
        await Expect(item.Locator(".status")).ToHaveTextAsync("triaged");

        var golden = item.GetByRole(AriaRole.Form, new() { Name = "Add to the golden set" });
        await Expect(golden.GetByLabel("Question")).ToHaveValueAsync(Question);
        await golden.GetByLabel("Expected articles (comma-separated)").FillAsync("policies/refund-policy");
        await golden.GetByLabel("Facts the answer must state (one per line)").FillAsync("14 days");
        await golden.GetByRole(AriaRole.Button, new() { Name = "Add to the golden set" }).ClickAsync();
        await Expect(golden.GetByRole(AriaRole.Status)).ToContainTextAsync($"fb-{feedbackId} is pending");
        await BrowserFixture.ScreenshotAsync(sam.Page, "feedback-triage-laptop");

        // What `assistant eval --data <folder>` does: the golden file plus the cases written in that folder's database.
        var cases = await TriagedGoldenCases.AddToAsync([], browser.Server.Services.GetRequiredService<IGoldenCaseDraftStore>(), cancel);
        var evaluator = new AnswerEvaluator(browser.Server.Services.GetRequiredService<AnswerService>(), browser.Server.Services.GetRequiredService<ITraceStore>());
        var (_, results) = await evaluator.RunAsync(cases, cancellationToken: cancel);

        var result = Assert.Single(results);
        Assert.Equal(($"fb-{feedbackId}", Question), (result.Id, result.Question));
        Assert.Equal(1, result.FactsExpected);
        Assert.Matches(new Regex("14 days"), result.Answer);
    }
}
