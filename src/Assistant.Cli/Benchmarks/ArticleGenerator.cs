using System.Text;
using Assistant.Core.Text;

namespace Assistant.Cli.Benchmarks;

/// <summary>
/// Writes a large synthetic help center for scale tests: articles with front matter, headings, paragraphs, lists,
/// tables and code, assembled (deterministically, from a seed) out of sentences of a real seed folder.
/// </summary>
internal static class ArticleGenerator
{
    public static long Generate(string seedFolder, string target, int articles, int bytesPerArticle, int seed = 42)
    {
        var sentences = Directory.EnumerateFiles(seedFolder, "*.md", SearchOption.AllDirectories)
            .Select(File.ReadAllText)
            .SelectMany(text => SentenceSplitter.Split(text, 0, text.Length).Select(range => text[range]))
            .Select(sentence => sentence.Replace('\n', ' ').Trim())
            .Where(sentence => sentence.Length is > 30 and < 400 && char.IsLetter(sentence[0]) && !sentence.Contains('|') && !sentence.Contains("---"))
            .Distinct()
            .ToArray();
        if (sentences.Length < 50)
        {
            throw new InvalidOperationException($"Seed folder '{seedFolder}' has too little prose ({sentences.Length} sentences) to generate articles from.");
        }

        var random = new Random(seed);
        var categories = new[] { "billing", "accounts", "integrations", "troubleshooting", "policies", "guides" };
        long total = 0;
        for (var n = 0; n < articles; n++)
        {
            var category = categories[n % categories.Length];
            var folder = Path.Combine(target, category);
            Directory.CreateDirectory(folder);
            var text = new StringBuilder();
            var title = Words(sentences[random.Next(sentences.Length)], 6);
            text.Append($"---\ntitle: {title} ({n})\naudience: customers\nupdated: 2026-0{1 + n % 9}-1{n % 10}\ntags: [{category}, generated]\n---\n\n# {title} ({n})\n\n");
            var section = 0;
            while (text.Length < bytesPerArticle)
            {
                section++;
                text.Append($"## {Words(sentences[random.Next(sentences.Length)], 5)}\n\n");
                for (var p = 0; p < 3; p++)
                {
                    for (var s = 0; s < 4; s++)
                    {
                        text.Append(sentences[random.Next(sentences.Length)]).Append(' ');
                    }
                    text.Append("\n\n");
                }
                switch (section % 4)
                {
                    case 1:
                        for (var i = 1; i <= 4; i++)
                        {
                            text.Append($"{i}. {sentences[random.Next(sentences.Length)]}\n");
                        }
                        text.Append('\n');
                        break;
                    case 2:
                        text.Append("| Plan | Limit | Notes |\n|---|---|---|\n");
                        for (var i = 0; i < 4; i++)
                        {
                            text.Append($"| Plan {i} | {random.Next(10, 10000)} per hour | {Words(sentences[random.Next(sentences.Length)], 6)} |\n");
                        }
                        text.Append('\n');
                        break;
                    case 3:
                        text.Append($"```bash\ncurl -H \"Authorization: Bearer $TOKEN\" https://api.example.test/v1/items?page={random.Next(100)}\n```\n\n");
                        break;
                }
            }
            var path = Path.Combine(folder, $"article-{n:D5}.md");
            File.WriteAllText(path, text.ToString());
            total += text.Length;
        }
        return total;
    }

    private static string Words(string sentence, int count) =>
        string.Join(' ', sentence.Split(' ', StringSplitOptions.RemoveEmptyEntries).Take(count)).TrimEnd('.', ',', ':', ';');
}
