using System.Text.RegularExpressions;
using Assistant.Core.Knowledge.Articles;
using Xunit;

namespace Assistant.Core.Tests.Knowledge.Articles;

/// <summary>Renders the real help center shipped in /knowledge, so every article link on the /kb pages lands somewhere.</summary>
public sealed partial class KnowledgeFolderRenderingTests
{
    [Fact]
    public void Every_article_renders_and_every_kb_link_points_at_an_existing_article()
    {
        var root = Path.Combine(RepositoryRoot(), "knowledge");
        var articles = Directory.EnumerateFiles(root, "*.md", SearchOption.AllDirectories)
            .Where(path => !Path.GetFileName(path).Equals("README.md", StringComparison.OrdinalIgnoreCase))
            .ToDictionary(path => Path.ChangeExtension(Path.GetRelativePath(root, path), null).Replace('\\', '/'), File.ReadAllText);
        Assert.NotEmpty(articles);

        var renderer = new ArticleRenderer();
        var broken = new List<string>();
        var links = 0;
        foreach (var (id, text) in articles)
        {
            var article = renderer.Render(id, text);

            Assert.False(string.IsNullOrWhiteSpace(article.Title), id);
            Assert.NotEmpty(article.Headings);
            Assert.DoesNotContain("audience:", article.Html);
            Assert.DoesNotContain(".md\"", article.Html);
            foreach (Match link in KbLink().Matches(article.Html))
            {
                links++;
                if (!articles.ContainsKey(link.Groups["id"].Value))
                {
                    broken.Add($"{id} -> {link.Value}");
                }
            }
        }
        Assert.True(links > 0);
        Assert.Empty(broken);
    }

    [GeneratedRegex("href=\"/kb/(?<id>[^\"#]+)(#[^\"]*)?\"")]
    private static partial Regex KbLink();

    private static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Assistant.sln")))
            {
                return directory.FullName;
            }
        }
        throw new InvalidOperationException("Assistant.sln not found above " + AppContext.BaseDirectory);
    }
}
