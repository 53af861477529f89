using System.Diagnostics;
using System.Net;

namespace Assistant.Cli.Benchmarks;

/// <summary>
/// The same question to both hosts in turn, alternating which goes first so neither always meets a warmer cache or
/// a quieter moment; one connection each, one request at a time, so the difference is the pipeline's own cost.
/// </summary>
internal sealed class OverheadBenchmark(Uri on, Uri off, string onToken, string offToken, IReadOnlyList<string> questions)
{
    public async Task<(List<double> On, List<double> Off, int Errors)> RunAsync(int requests, int warmUp, CancellationToken cancellationToken)
    {
        using var onClient = LoadClient.Connect(on, onToken);
        using var offClient = LoadClient.Connect(off, offToken);
        // A fresh conversation every few questions: answers then see the short history real users have.
        string onConversation = "", offConversation = "";
        List<double> onMs = [], offMs = [];
        var errors = 0;
        for (var i = 0; i < warmUp + requests; i++)
        {
            if (i % 5 == 0)
            {
                onConversation = await onClient.CreateConversationAsync(cancellationToken);
                offConversation = await offClient.CreateConversationAsync(cancellationToken);
            }
            var question = questions[i % questions.Count];
            var onFirst = i % 2 == 0;
            var first = await TimeAsync(onFirst ? onClient : offClient, onFirst ? onConversation : offConversation, question, cancellationToken);
            var second = await TimeAsync(onFirst ? offClient : onClient, onFirst ? offConversation : onConversation, question, cancellationToken);
            if (first is null || second is null)
            {
                errors++;
                continue;
            }
            if (i >= warmUp)
            {
                onMs.Add(onFirst ? first.Value : second.Value);
                offMs.Add(onFirst ? second.Value : first.Value);
            }
        }
        return (onMs, offMs, errors);
    }

    /// <summary>
    /// Telemetry really is on in one host and off in the other: /metrics answers in the first and is missing in the
    /// second. Otherwise the comparison would measure nothing and say so with a confident "0 ms".
    /// </summary>
    public static async Task CheckTelemetryAsync(Uri on, Uri off, CancellationToken cancellationToken)
    {
        using var http = new HttpClient();
        using var onMetrics = await http.GetAsync(new Uri(on, "metrics"), cancellationToken);
        using var offMetrics = await http.GetAsync(new Uri(off, "metrics"), cancellationToken);
        if (onMetrics.StatusCode != HttpStatusCode.OK || offMetrics.StatusCode != HttpStatusCode.NotFound)
        {
            throw new InvalidOperationException($"Expected /metrics to answer 200 with telemetry on and 404 with it off; got {(int)onMetrics.StatusCode} and {(int)offMetrics.StatusCode}. " +
                "Is Assistant:Monitoring:MetricsRequireAuth set, or Assistant:Monitoring:Enabled missing from --toggle?");
        }
    }

    private static async Task<double?> TimeAsync(LoadClient client, string conversation, string question, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        var status = await client.AskAsync(conversation, question, cancellationToken);
        return status == HttpStatusCode.OK ? clock.Elapsed.TotalMilliseconds : null;
    }
}
