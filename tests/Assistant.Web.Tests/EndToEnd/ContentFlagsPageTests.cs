using System.Text.RegularExpressions;
using Assistant.Core.Knowledge;
using Assistant.Core.Knowledge.Sources;
using Assistant.Web.Tests.ContentReview;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Xunit;
using static Microsoft.Playwright.Assertions;

namespace Assistant.Web.Tests.EndToEnd;

/// <summary>The admin content page in Chromium, over this class's own server re-indexed from a poisoned test-only folder.</summary>
public sealed class ContentFlagsPageTests(BrowserFixture browser) : IClassFixture<BrowserFixture>, IAsyncLifetime
{
    private readonly string _poisoned = Directory.CreateTempSubdirectory("assistant-e2e-poisoned-").FullName;

    public async ValueTask InitializeAsync()
    {
        Directory.CreateDirectory(Path.Combine(_poisoned, "accounts-and-security"));
        await File.WriteAllTextAsync(Path.Combine(_poisoned, "accounts-and-security", "two-factor-recovery-tips.md"), PoisonedKnowledge.RecoveryTips);
        // This class's server only: its index becomes the poisoned folder (the repository's knowledge/ is never touched).
        await browser.Server.Services.GetRequiredService<KnowledgeBase>().IngestAsync(new FolderSource(_poisoned, 1_000_000));
    }

    [Fact]
    public async Task An_admin_reviews_flagged_text_and_clears_a_flag_with_a_note()
    {
        await using var ada = await browser.SignInAsync("ada");
        var page = ada.Page;

        await ada.FollowNavigationAsync("Content flags");

        await Expect(page).ToHaveURLAsync(new Regex("/admin/content$"));
        var flag = page.Locator(".flag.open");
        await Expect(flag.Locator("blockquote")).ToHaveTextAsync(PoisonedKnowledge.NoteForTheAi);
        await Expect(flag.Locator(".meta")).ToContainTextAsync("addresses the assistant");
        await flag.GetByLabel("Note").FillAsync("Checked with the author");
        await flag.GetByRole(AriaRole.Button, new() { Name = "Clear flag" }).ClickAsync();

        await Expect(page.Locator(".flag.cleared .saved")).ToContainTextAsync("Cleared by ada");
        await Expect(page.Locator(".flag.cleared .saved")).ToContainTextAsync("Checked with the author");
        await Expect(page.Locator(".flag.open")).ToHaveCountAsync(0);
        await BrowserFixture.ScreenshotAsync(page, "content-flags-laptop");
    }

    [Fact]
    public async Task End_users_are_refused_the_content_flags_page()
    {
        await using var alice = await browser.SignInAsync("alice");
        var page = alice.Page;
        await Expect(page.GetByRole(AriaRole.Navigation).GetByRole(AriaRole.Link, new() { Name = "Content flags" })).ToHaveCountAsync(0);

        await page.GotoAsync("/admin/content");

        await Expect(page.GetByText(new Regex("You do not have access to this page|Your account cannot open that page"))).ToBeVisibleAsync();
        await Expect(page.Locator(".flag")).ToHaveCountAsync(0);
    }

    public ValueTask DisposeAsync()
    {
        AssistantWebFactory.DeleteTempDirectory(_poisoned);
        return ValueTask.CompletedTask;
    }
}
