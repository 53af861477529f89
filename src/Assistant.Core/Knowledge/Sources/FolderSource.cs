using System.Runtime.CompilerServices;

namespace Assistant.Core.Knowledge.Sources;

/// <summary>
/// A folder of .md and .txt files. The document id is the path relative to the folder without its extension, with
/// forward slashes ("policies/refund-policy"), so it is stable across machines and readable in citations.
/// </summary>
public sealed class FolderSource(string root, long maxFileBytes) : IKnowledgeSource
{
    private static readonly string[] Extensions = [".md", ".markdown", ".txt"];

    private readonly string _root = Path.GetFullPath(root);
    private IReadOnlyList<string>? _files;

    public string Name => _root;

    public int? Count => Files.Count;

    private IReadOnlyList<string> Files => _files ??= ListFiles();

    public async IAsyncEnumerable<SourceItem> ReadAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        foreach (var path in Files)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var relative = Path.GetRelativePath(_root, path).Replace('\\', '/');
            var id = Path.ChangeExtension(relative, null)!;
            var format = path.EndsWith(".txt", StringComparison.OrdinalIgnoreCase) ? SourceFormat.PlainText : SourceFormat.Markdown;

            var length = new FileInfo(path).Length;
            if (length > maxFileBytes)
            {
                yield return SourceItem.Rejected(id, relative, $"file is {length:N0} bytes, over the {maxFileBytes:N0}-byte limit (Assistant:Ingestion:MaxFileBytes)");
                continue;
            }

            byte[] content;
            string? problem = null;
            try
            {
                content = await File.ReadAllBytesAsync(path, cancellationToken);
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

    private List<string> ListFiles()
    {
        if (!Directory.Exists(_root))
        {
            throw new DirectoryNotFoundException($"Knowledge folder '{_root}' does not exist (set Assistant:KnowledgeDirectory).");
        }
        var files = Directory
            .EnumerateFiles(_root, "*", new EnumerationOptions { RecurseSubdirectories = true, IgnoreInaccessible = true })
            .Where(path => Extensions.Contains(Path.GetExtension(path), StringComparer.OrdinalIgnoreCase))
            // A folder's own README describes the folder; it is not an article.
            .Where(path => !Path.GetFileName(path).Equals("README.md", StringComparison.OrdinalIgnoreCase))
            .ToList();
        files.Sort(StringComparer.Ordinal);
        return files;
    }
}
