using System.Text;
using Assistant.Core.Tests.Support;
using Xunit;

namespace Assistant.Core.Tests.Knowledge;

public sealed class SourceEncodingTests : IDisposable
{
    private const string Body = "## Exports\n\nExports finish within fifteen minutes and arrive as a zip archive.";

    private readonly TestKnowledgeBase _knowledge = new();

    public static TheoryData<string> Encodings => ["utf-16le", "utf-16be", "utf-8-bom"];

    private static byte[] Encode(string text, string encoding)
    {
        Encoding chosen = encoding switch
        {
            "utf-16le" => new UnicodeEncoding(bigEndian: false, byteOrderMark: true),
            "utf-16be" => new UnicodeEncoding(bigEndian: true, byteOrderMark: true),
            _ => new UTF8Encoding(encoderShouldEmitUTF8Identifier: true),
        };
        return [.. chosen.GetPreamble(), .. chosen.GetBytes(text)];
    }

    [Theory]
    [MemberData(nameof(Encodings))]
    public async Task A_file_with_a_byte_order_mark_is_decoded_and_cited_exactly(string encoding)
    {
        var article = TestKnowledgeBase.Article("Exports", Body);
        _knowledge.WriteBytes("data/exports.md", Encode(article, encoding));

        var report = await _knowledge.IngestAsync();

        Assert.Empty(report.Skipped);
        Assert.Equal(1, report.Added);
        var hit = (await _knowledge.SearchAsync("exports zip archive fifteen minutes", 1))[0];
        Assert.Equal("data/exports", hit.DocumentId);
        Assert.Equal("Exports", hit.Title);
        // Offsets refer to the decoded text (byte-order mark removed), so the citation is the article's own text.
        Assert.Equal(hit.Text, article[hit.Start..hit.End]);
        Assert.Contains("zip archive", hit.Text);
    }

    [Fact]
    public async Task Utf16_without_a_byte_order_mark_is_still_reported_as_binary_and_bad_utf16_says_so()
    {
        _knowledge.WriteBytes("no-bom.md", Encoding.Unicode.GetBytes("Hello"));
        _knowledge.WriteBytes("bad.md", [0xFF, 0xFE, 0x00, 0xD8, 0x41, 0x00]); // a lone high surrogate

        var report = await _knowledge.IngestAsync();

        var reasons = report.Skipped.ToDictionary(s => s.SourcePath, s => s.Reason);
        Assert.Contains("binary", reasons["no-bom.md"]);
        Assert.Contains("not valid UTF-16", reasons["bad.md"]);
    }

    public void Dispose() => _knowledge.Dispose();
}
