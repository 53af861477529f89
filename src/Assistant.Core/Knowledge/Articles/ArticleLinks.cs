namespace Assistant.Core.Knowledge.Articles;

/// <summary>Rewrites the links inside an article so they work on the /kb/{article} pages.</summary>
public static class ArticleLinks
{
    private static readonly string[] ArticleExtensions = [".md", ".markdown"];

    private static readonly string[] SafeSchemes = ["http", "https", "mailto", "tel"];

    /// <summary>
    /// "../policies/refund-policy.md#x" in "billing/cancel" becomes "/kb/policies/refund-policy#x". Links with a scheme
    /// other than http(s), mailto or tel become "#": raw HTML is already off, and a javascript: link is script too.
    /// Anything else (fragments, site paths, images, relative links that climb out of the knowledge folder) is kept.
    /// </summary>
    public static string Rewrite(string url, string documentId)
    {
        var colon = url.IndexOf(':');
        if (colon > 0 && url[..colon].All(c => char.IsAsciiLetterOrDigit(c) || c is '+' or '-' or '.') && char.IsAsciiLetter(url[0]))
        {
            return SafeSchemes.Contains(url[..colon], StringComparer.OrdinalIgnoreCase) ? url : "#";
        }
        if (url.Length == 0 || url[0] is '/' or '#' or '\\')
        {
            return url;
        }

        var hash = url.IndexOf('#');
        var fragment = hash >= 0 ? url[hash..] : "";
        var path = hash >= 0 ? url[..hash] : url;
        var query = path.IndexOf('?');
        if (query >= 0)
        {
            path = path[..query];
        }
        var extension = ArticleExtensions.FirstOrDefault(ext => path.EndsWith(ext, StringComparison.OrdinalIgnoreCase));
        if (extension is null)
        {
            return url;
        }

        var target = Resolve(documentId, Uri.UnescapeDataString(path[..^extension.Length]));
        return target is null ? url : $"/kb/{target}{fragment}";
    }

    private static string? Resolve(string documentId, string relativePath)
    {
        var segments = documentId.Split('/').SkipLast(1).ToList();
        foreach (var segment in relativePath.Replace('\\', '/').Split('/'))
        {
            switch (segment)
            {
                case "" or ".":
                    break;
                case "..":
                    if (segments.Count == 0)
                    {
                        return null;
                    }
                    segments.RemoveAt(segments.Count - 1);
                    break;
                default:
                    segments.Add(segment);
                    break;
            }
        }
        return segments.Count == 0 ? null : string.Join('/', segments);
    }
}
