using Assistant.Core.Audit;
using Assistant.Core.Budgets;
using Assistant.Core.Feedback;
using Assistant.Core.Feedback.Triage;
using Assistant.Core.Launch;
using Assistant.Core.Models;
using Assistant.Core.Operations;
using Assistant.Core.Storage;
using Assistant.Core.Tests.Support;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace Assistant.Core.Tests.Launch;

/// <summary>
/// The real launch checklist over a temp folder: SQLite app database, audit log, budgets, kill switches, feedback and
/// triage, with the gate report, runbook and rule files as files the test writes. The clock starts at the real time
/// (feedback is stamped with it) and moves when the test says so.
/// </summary>
public sealed class LaunchHarness : IDisposable
{
    private readonly ServiceProvider _services;

    public LaunchHarness(Dictionary<string, string?>? settings = null, Action<IServiceCollection>? configure = null)
    {
        Root = Directory.CreateTempSubdirectory("assistant-launch-").FullName;
        Directory.CreateDirectory(RulesDirectory);
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Assistant:DataDirectory"] = Path.Combine(Root, "data"),
                ["Assistant:Launch:GateReportPath"] = GatePath,
                ["Assistant:Launch:RunbookPath"] = RunbookPath,
                ["Assistant:Launch:AlertRulesDirectory"] = RulesDirectory,
            })
            .AddInMemoryCollection(settings ?? [])
            .Build();
        var services = new ServiceCollection()
            .AddSingleton<IConfiguration>(configuration)
            .AddLogging()
            .AddMetrics()
            .AddSingleton<TimeProvider>(Clock)
            .AddAssistantStorage()
            .AddAssistantAudit()
            .AddAssistantBudgets()
            .AddAssistantOperations()
            .AddAssistantFeedback()
            .AddAssistantFeedbackTriage()
            .AddAssistantLaunch();
        // The model section as the hosts bind it (AddAssistantModels), without building a model pipeline.
        services.AddOptions<ModelOptions>().BindConfiguration(ModelOptions.SectionName);
        configure?.Invoke(services);
        _services = services.BuildServiceProvider();
    }

    public ManualClock Clock { get; } = new(DateTimeOffset.UtcNow);

    public string Root { get; }

    public string GatePath => Path.Combine(Root, "artifacts", "gate.json");

    public string RunbookPath => Path.Combine(Root, "runbook.md");

    public string RulesDirectory => Path.Combine(Root, "rules");

    public IAuditLog Audit => Get<IAuditLog>();

    public T Get<T>() where T : notnull => _services.GetRequiredService<T>();

    public Task<LaunchChecklist> CheckAsync() => Get<LaunchReadiness>().CheckAsync(TestContext.Current.CancellationToken);

    public async Task<LaunchItem> ItemAsync(string id) => Assert.Single((await CheckAsync()).Items, item => item.Id == id);

    public void WriteRules(params string[] alerts) =>
        File.WriteAllText(Path.Combine(RulesDirectory, "assistant.yml"),
            "groups:\n  - name: assistant-test\n    rules:\n" + string.Concat(alerts.Select(alert => $"      - alert: {alert}\n        expr: vector(1) > 0\n")));

    public void WriteRunbook(string markdown) => File.WriteAllText(RunbookPath, markdown);

    public Task<AuditEntry> AppendAsync(string @event, string tool, string actor = "ada", string? detail = null) =>
        Audit.AppendAsync(new AuditRecord(actor, actor == AuditRecord.SystemActor ? "system" : "admin", @event, tool, "ok", Detail: detail), TestContext.Current.CancellationToken);

    public void Dispose()
    {
        _services.Dispose();
        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // Best effort: a leftover temp folder must not fail the test that used it.
        }
    }
}
