using System.Runtime.CompilerServices;

namespace Assistant.Core.Knowledge.Sources;

/// <summary>
/// A folder of .md and .txt files. The document id is the path relative to the folder without its extension, with
/// forward slashes ("policies/refund-policy"), so it is stable across machines and readable in citations. Only files
/// whose real path lies inside the folder are read, each once (see <see cref="FolderWalker"/>).
/// </summary>
public sealed class FolderSource(string root, long maxFileBytes) : IKnowledgeSource
{
    private readonly string _root = Path.GetFullPath(root);
    private IReadOnlyList<FolderEntry>? _entries;

    public string Name => _root;

    public int? Count => Entries.Count;

    private IReadOnlyList<FolderEntry> Entries => _entries ??= FolderWalker.List(_root);

    public async IAsyncEnumerable<SourceItem> ReadAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        foreach (var entry in Entries)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var relative = entry.RelativePath;
            if (entry.RealPath is null)
            {
                yield return SourceItem.Excluded(relative, entry.Problem!);
                continue;
            }
            var id = Path.ChangeExtension(relative, null)!;
            var format = relative.EndsWith(".txt", StringComparison.OrdinalIgnoreCase) ? SourceFormat.PlainText : SourceFormat.Markdown;

            // Read through the resolved path, never the link, so a link swapped after listing cannot lead outside.
            var length = new FileInfo(entry.RealPath).Length;
            if (length > maxFileBytes)
            {
                yield return SourceItem.Rejected(id, relative, $"file is {length:N0} bytes, over the {maxFileBytes:N0}-byte limit (Assistant:Ingestion:MaxFileBytes)");
                continue;
            }

            byte[] content;
            string? problem = null;
            try
            {
                content = await File.ReadAllBytesAsync(entry.RealPath, cancellationToken);
            }
            catch (IOException exception)
            {
                content = [];
                problem = $"could not be read: {exception.Message}";
            }
            catch (UnauthorizedAccessException exception)
            {
                content = [];
                problem = $"could not be read: {exception.Message}";
            }
            yield return problem is null
                ? new SourceItem(id, relative, format, content)
                : SourceItem.Rejected(id, relative, problem);
        }
    }
}
