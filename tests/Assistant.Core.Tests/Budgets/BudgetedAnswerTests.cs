using Assistant.Core.Answers;
using Assistant.Core.Budgets;
using Assistant.Core.Tests.Support;
using Assistant.Core.Tracing;
using Microsoft.Data.Sqlite;
using Xunit;

namespace Assistant.Core.Tests.Budgets;

/// <summary>
/// The answer generator as the host builds it, with budgets, against the scripted model server over real HTTP and a
/// real SQLite file: it steps down to the cheaper model, then offline, says which budget decided, and charges what
/// the provider reports.
/// </summary>
public sealed class BudgetedAnswerTests : IAsyncLifetime
{
    private const string Question = "How long do I have to request a full refund?";
    private const string Supported = "We refund the full amount of your first payment if you request it within 14 days. [1]";

    private ScriptedChatServer _server = null!;
    private TestKnowledgeBase _knowledge = null!;

    public async ValueTask InitializeAsync() => _server = await ScriptedChatServer.StartAsync();

    // The big model's worst case (1,024 output tokens at $30 per million) is over 3 cents; the small one's is under 0.1 cent.
    private async Task StartAsync(decimal userDailyUsd, string fallbacks = "budget-small", int softPercent = 80)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Assistant:Model:Endpoint"] = _server.BaseAddress.ToString(),
            ["Assistant:Model:Model"] = "budget-big",
            ["Assistant:Model:MaxRetries"] = "2",
            ["Assistant:Model:RetryDelayMilliseconds"] = "10",
            ["Assistant:Model:Prices:budget-big:InputPerMillion"] = "10",
            ["Assistant:Model:Prices:budget-big:OutputPerMillion"] = "30",
            ["Assistant:Model:Prices:budget-small:InputPerMillion"] = "0.1",
            ["Assistant:Model:Prices:budget-small:OutputPerMillion"] = "0.4",
            ["Assistant:Budgets:UserDailyUsd"] = userDailyUsd.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Assistant:Budgets:SoftThresholdPercent"] = softPercent.ToString(System.Globalization.CultureInfo.InvariantCulture),
        };
        if (fallbacks.Length > 0)
        {
            settings["Assistant:Model:Fallbacks:0"] = fallbacks;
        }
        _knowledge = new TestKnowledgeBase(settings: settings);
        _knowledge.Write("policies/refund-policy.md", TestKnowledgeBase.Article("Refund policy",
            "## Full refund\n\nWe refund the full amount of your first payment if you request it within 14 days."));
        await _knowledge.IngestAsync();
    }

    private Task<Answer> AskAsync() =>
        _knowledge.Get<AnswerService>().AnswerAsync(new AnswerRequest(Question, UserId: "alice"), TestContext.Current.CancellationToken);

    private async Task<BudgetUsage> AliceTodayAsync() =>
        (await _knowledge.Get<IBudgetStore>().ListUsageAsync([DateTime.UtcNow.ToString("yyyy-MM-dd")], _ => 0, TestContext.Current.CancellationToken))
        .Single(usage => usage.Scope == "user-daily" && usage.Key == "alice");

    [Fact]
    public async Task Within_budget_the_model_answers_and_is_charged_what_the_provider_reports()
    {
        await StartAsync(userDailyUsd: 1m);
        _server.Enqueue(ScriptedChatServer.Text(Supported, promptTokens: 300, completionTokens: 20));

        var answer = await AskAsync();

        Assert.Equal(new BudgetDecision(BudgetModes.Model, "budget-big", null), answer.Budget);
        Assert.Null(answer.Notice);
        var alice = await AliceTodayAsync();
        Assert.Equal(((300 * 10m + 20 * 30m) / 1_000_000m, 0m), (alice.Spent, alice.Reserved));
        // The reservation bounded the call: the model was asked for no more output than was reserved.
        Assert.Equal(1024, _server.Requests.Single()["max_completion_tokens"]!.GetValue<int>());
        // Whom the call is charged to stays in the process: the provider is not told the username.
        Assert.DoesNotContain("alice", _server.Requests.Single().ToJsonString());
    }

    [Fact]
    public async Task At_the_limit_the_cheaper_model_answers_and_the_answer_and_trace_name_the_budget()
    {
        await StartAsync(userDailyUsd: 0.01m);
        _server.Enqueue(ScriptedChatServer.Text(Supported, promptTokens: 300, completionTokens: 20));

        var answer = await AskAsync();
        var trace = await _knowledge.Get<ITraceStore>().GetAsync(answer.TraceId, TestContext.Current.CancellationToken);

        Assert.Equal("budget-small", _server.Requests.Single()["model"]!.GetValue<string>());
        Assert.Equal(new BudgetDecision(BudgetModes.FallbackModel, "budget-small", "user-daily"), answer.Budget);
        Assert.Equal(("model", "budget-small"), (answer.Generator, answer.Model));
        Assert.Contains("Your daily budget does not cover another call to budget-big, so budget-small answered instead.", answer.Notice);
        Assert.Equal(answer.Budget, trace!.Budget);
        Assert.Equal("user-daily", await BudgetColumnAsync(answer.TraceId));
    }

    [Fact]
    public async Task With_no_model_in_budget_the_answer_is_extracted_and_no_model_is_called()
    {
        await StartAsync(userDailyUsd: 0m);

        var answer = await AskAsync();

        Assert.Empty(_server.Requests);
        Assert.Equal((AnswerOutcome.Answered, "extractive"), (answer.Outcome, answer.Generator));
        Assert.Contains("14 days", answer.Text);
        Assert.Equal(new BudgetDecision(BudgetModes.Offline, null, "user-daily"), answer.Budget);
        Assert.Contains("Your daily budget is used up", answer.Notice);
    }

    [Fact]
    public async Task Past_the_soft_threshold_the_answer_says_how_much_is_left_and_an_event_is_recorded()
    {
        // One call's worst case (over $0.03, under $0.04) takes a $0.04 day past half.
        await StartAsync(userDailyUsd: 0.04m, fallbacks: "", softPercent: 50);
        _server.Enqueue(ScriptedChatServer.Text(Supported, promptTokens: 300, completionTokens: 20));

        var answer = await AskAsync();

        Assert.Equal(BudgetModes.Model, answer.Budget!.Mode);
        Assert.Matches(@"Your daily budget is \d+% used: \$0\.\d+ of \$0\.04 left\.", answer.Notice);
        var crossing = Assert.Single(await _knowledge.Get<IBudgetStore>().ListEventsAsync(10, TestContext.Current.CancellationToken));
        Assert.Equal(("user-daily", "alice", BudgetLevels.Soft), (crossing.Scope, crossing.Key, crossing.Level));
    }

    [Fact]
    public async Task A_call_that_fails_gives_its_reservation_back()
    {
        await StartAsync(userDailyUsd: 1m);
        _server.Enqueue(ScriptedChatServer.Status(500), ScriptedChatServer.Status(500), ScriptedChatServer.Status(500));

        var answer = await AskAsync();

        Assert.Equal("extractive", answer.Generator);
        Assert.Equal(new BudgetDecision(BudgetModes.Offline, null, null), answer.Budget);
        var alice = await AliceTodayAsync();
        Assert.Equal((0m, 0m), (alice.Spent, alice.Reserved));
    }

    private async Task<string?> BudgetColumnAsync(string traceId)
    {
        await using var connection = new SqliteConnection($"Data Source={_knowledge.Get<Assistant.Core.Storage.SqliteDatabase>().Path}");
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT budget_scope FROM traces WHERE id = $id";
        command.Parameters.AddWithValue("$id", traceId);
        return await command.ExecuteScalarAsync(TestContext.Current.CancellationToken) as string;
    }

    public async ValueTask DisposeAsync()
    {
        _knowledge?.Dispose();
        await _server.DisposeAsync();
    }
}
