namespace Assistant.Web.Tests.EndToEnd;

/// <summary>
/// The browser fixture for /admin/launch: the repository's runbook and alert rules, an owner, and a gate report path
/// in a temp folder that the test writes (the checklist reads it on every request).
/// </summary>
public sealed class LaunchBrowserFixture() : BrowserFixture(Settings)
{
    public static string GatePath { get; } = Path.Combine(Directory.CreateTempSubdirectory("assistant-e2e-launch-").FullName, "gate.json");

    private static Dictionary<string, string?> Settings => new()
    {
        ["Assistant:Launch:GateReportPath"] = GatePath,
        ["Assistant:Launch:RunbookPath"] = Path.Combine(AssistantWebFactory.RepositoryRoot, "docs", "runbook.md"),
        ["Assistant:Launch:AlertRulesDirectory"] = Path.Combine(AssistantWebFactory.RepositoryRoot, "infra", "prometheus", "rules"),
        ["Assistant:Launch:Owner"] = "Ada Lovelace <ada@example.com>",
    };
}
