using System.Text.Json;
using Xunit;

namespace Assistant.Web.Tests.Cli;

/// <summary><c>assistant bench overhead</c> through the real CLI process: two hosts, telemetry and budgets on in one and off in the other, figures written.</summary>
public sealed class OverheadBenchmarkCommandTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("assistant-cli-overhead-").FullName;

    [Fact]
    public async Task Bench_overhead_compares_a_host_with_telemetry_against_one_without_and_writes_the_figures()
    {
        var knowledge = Directory.CreateDirectory(Path.Combine(_root, "knowledge")).FullName;
        File.WriteAllText(Path.Combine(knowledge, "refunds.md"),
            "---\ntitle: Refund policy\naudience: customers\nupdated: 2026-01-01\ntags: [billing]\n---\n\n# Refund policy\n\n" +
            "We refund the full amount of your first payment if you request it within 14 days.\n");
        var questions = Path.Combine(_root, "questions.jsonl");
        File.WriteAllText(questions, "{\"turns\": [\"How long do I have to ask for a refund?\", \"Do you sell gift cards?\"]}\n");
        var output = Path.Combine(_root, "overhead.json");

        var (exitCode, stdout, stderr) = await CliProcess.RunAsync(_root, "bench", "overhead", "--knowledge", knowledge, "--questions", questions,
            "--requests", "6", "--warm-up", "2", "--set", "Assistant:Embeddings:Provider=Hashing", "--out", output);

        Assert.True(exitCode == 0, $"exit {exitCode}\n{stdout}\n{stderr}");
        Assert.Contains("Added: P95", stdout);
        using var result = JsonDocument.Parse(File.ReadAllText(output));
        Assert.Equal(6, result.RootElement.GetProperty("questions").GetInt32());
        Assert.Equal(0, result.RootElement.GetProperty("errors").GetInt32());
        Assert.Equal(["Assistant:Monitoring:Enabled", "Assistant:Budgets:Enabled"], result.RootElement.GetProperty("toggled").EnumerateArray().Select(t => t.GetString()));
        Assert.True(result.RootElement.GetProperty("onMs").GetProperty("p95").GetDouble() > 0);
        Assert.True(result.RootElement.GetProperty("offMs").GetProperty("p95").GetDouble() > 0);
    }

    public void Dispose() => AssistantWebFactory.DeleteTempDirectory(_root);
}
