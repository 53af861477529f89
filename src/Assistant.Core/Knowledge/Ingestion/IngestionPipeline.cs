using System.Diagnostics;
using Assistant.Core.Knowledge.Parsing;
using Assistant.Core.Knowledge.Screening;
using Assistant.Core.Knowledge.Sources;
using Assistant.Core.Retrieval.Vectors;
using Assistant.Core.Storage;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Assistant.Core.Knowledge.Ingestion;

/// <summary>
/// Runs the named steps in order (read, parse, chunk, index) over one source, incrementally: a document whose
/// content hash is unchanged is not touched; edited documents are replaced; documents gone from the source are
/// deleted. The whole run is one write batch, so a failure part-way leaves the previous index as it was. Embedding
/// is not a step here: the keyword index commits without waiting for it, and
/// <see cref="Retrieval.Vectors.VectorBackfill"/> fills in vectors afterwards.
/// </summary>
public sealed class IngestionPipeline(
    IKnowledgeStore store,
    MarkdownDocumentParser parser,
    ChunkBuilder chunkBuilder,
    ChunkFlagger flagger,
    IEmbeddingGenerator<string, Embedding<float>> generator,
    IngestionFingerprint fingerprint,
    IOptions<IngestionOptions> options,
    ILogger<IngestionPipeline> logger)
{
    public async Task<IngestionReport> RunAsync(
        IKnowledgeSource source, IProgress<IngestionProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        var clock = Stopwatch.StartNew();
        var existing = await store.GetDocumentsAsync(cancellationToken);
        var run = new RunState(source.Count, progress);

        await using var batch = await store.BeginWriteAsync(VectorBackfill.ModelIdOf(generator), cancellationToken);
        var pending = new List<(SourceItem Item, string Hash)>();
        await foreach (var item in source.ReadAsync(cancellationToken))
        {
            // Not part of the source (a symbolic link that is not followed): reported, and never kept in the index.
            if (item.IsExcluded)
            {
                run.Skip(item.SourcePath, item.Problem ?? "excluded by the source");
                continue;
            }
            if (!run.Seen.Add(item.DocumentId))
            {
                run.Skip(item.SourcePath, $"duplicate document id '{item.DocumentId}' (another file has the same path without extension)");
                continue;
            }
            if (item.Problem is not null)
            {
                run.Skip(item.SourcePath, KeptNote(item.Problem, item.DocumentId, existing));
                continue;
            }
            var hash = ContentHash.Of(item.Content.Span, $"{item.Title}\0{fingerprint.Current}");
            if (existing.TryGetValue(item.DocumentId, out var known) && known.ContentHash == hash && known.SourcePath == item.SourcePath)
            {
                run.Unchanged++;
                run.Tick(item.SourcePath);
                continue;
            }
            pending.Add((item, hash));
            if (pending.Count >= options.Value.BatchSize)
            {
                await WriteAsync(pending, existing, batch, run, cancellationToken);
                pending.Clear();
            }
        }
        await WriteAsync(pending, existing, batch, run, cancellationToken);

        var deleted = existing.Keys.Where(id => !run.Seen.Contains(id)).ToList();
        foreach (var id in deleted)
        {
            await batch.DeleteAsync(id, cancellationToken);
        }
        await batch.CommitAsync(cancellationToken);

        var deletedHashes = deleted.Select(id => existing[id].ContentHash).ToHashSet(StringComparer.Ordinal);
        var report = new IngestionReport(
            source.Name, run.Added, run.Updated, run.AddedHashes.Count(deletedHashes.Contains), deleted.Count, run.Unchanged,
            run.Skipped, run.ChunksWritten, clock.Elapsed)
        {
            Dropped = run.Dropped,
            Flagged = run.Flagged,
        };
        foreach (var skipped in run.Skipped)
        {
            logger.LogWarning("Skipped {Path}: {Reason}", skipped.SourcePath, skipped.Reason);
        }
        foreach (var flagged in run.Flagged)
        {
            logger.LogWarning("Flagged {Path} line {Line}: {Reason}", flagged.SourcePath, flagged.Line, flagged.Reason);
        }
        logger.LogInformation(
            "Ingested {Source}: {Added} added, {Updated} updated, {Deleted} deleted, {Unchanged} unchanged, {Skipped} skipped, {Chunks} chunks written in {Elapsed:F1}s",
            source.Name, report.Added, report.Updated, report.Deleted, report.Unchanged, report.Skipped.Count, report.ChunksWritten, clock.Elapsed.TotalSeconds);
        return report;
    }

    private async Task WriteAsync(
        List<(SourceItem Item, string Hash)> pending,
        IReadOnlyDictionary<string, DocumentEntry> existing,
        IKnowledgeWriteBatch batch,
        RunState run,
        CancellationToken cancellationToken)
    {
        // Parse, chunk and analyze in parallel: pure CPU work, one document per task.
        var built = new (ParsedDocument? Document, IReadOnlyList<ChunkRecord> Chunks, string? Problem)[pending.Count];
        var flags = new IReadOnlyList<ContentFlag>[pending.Count];
        Parallel.For(0, pending.Count, new ParallelOptions { CancellationToken = cancellationToken }, i =>
        {
            try
            {
                var document = parser.Parse(pending[i].Item);
                (var chunks, flags[i]) = flagger.Flag(document, chunkBuilder.Build(document));
                built[i] = chunks.Count == 0 ? (null, [], "no text besides front matter and headings") : (document, chunks, null);
            }
            catch (SourceRejectedException rejected)
            {
                built[i] = (null, [], rejected.Message);
            }
        });

        for (var i = 0; i < pending.Count; i++)
        {
            var (item, hash) = pending[i];
            var (document, chunks, problem) = built[i];
            if (document is null)
            {
                run.Skip(item.SourcePath, KeptNote(problem!, item.DocumentId, existing));
                continue;
            }
            var entry = new DocumentEntry(document.Id, document.SourcePath, document.Title, hash, document.Metadata);
            await batch.UpsertAsync(entry, chunks, cancellationToken);
            if (existing.ContainsKey(document.Id))
            {
                run.Updated++;
            }
            else
            {
                run.Added++;
                run.AddedHashes.Add(hash);
            }
            run.ChunksWritten += chunks.Count;
            run.Screened(document, flags[i]);
            run.Tick(item.SourcePath);
        }
    }

    // A document that stops parsing keeps its last good version in the index rather than vanishing from answers;
    // the report says so, so the author knows readers still see the old text until the file is fixed.
    private static string KeptNote(string problem, string documentId, IReadOnlyDictionary<string, DocumentEntry> existing) =>
        existing.ContainsKey(documentId) ? $"{problem}; the previously indexed version stays searchable" : problem;

    private sealed class RunState(int? total, IProgress<IngestionProgress>? progress)
    {
        public HashSet<string> Seen { get; } = new(StringComparer.Ordinal);
        public List<SkippedSource> Skipped { get; } = [];
        public List<string> AddedHashes { get; } = [];
        public List<DroppedSource> Dropped { get; } = [];
        public List<FlaggedSource> Flagged { get; } = [];
        public int Added { get; set; }
        public int Updated { get; set; }
        public int Unchanged { get; set; }
        public int ChunksWritten { get; set; }
        private int Processed { get; set; }

        public void Skip(string path, string reason)
        {
            Skipped.Add(new SkippedSource(path, reason));
            Tick(path);
        }

        public void Screened(ParsedDocument document, IReadOnlyList<ContentFlag> flags)
        {
            Dropped.AddRange(document.Dropped.Select(d => new DroppedSource(document.SourcePath, document.Id, d.Line, d.Kind, d.Excerpt)));
            Flagged.AddRange(flags.Select(f => new FlaggedSource(document.SourcePath, document.Id, f.Line,
                f.Reason, Blanking.Excerpt(document.Text[f.Start..f.End], 300), f.Hash)));
        }

        public void Tick(string current)
        {
            Processed++;
            progress?.Report(new IngestionProgress(Processed, total, ChunksWritten, Skipped.Count, current));
        }
    }
}
