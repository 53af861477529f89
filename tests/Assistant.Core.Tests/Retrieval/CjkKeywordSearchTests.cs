using Assistant.Core.Text.Analysis;
using Assistant.Core.Tests.Support;
using Xunit;

namespace Assistant.Core.Tests.Retrieval;

/// <summary>
/// Chinese and Japanese are written without spaces between words: words inside a run must still be found. The
/// articles are test-only fixtures (Fixtures/cjk-knowledge), not part of knowledge/.
/// </summary>
public sealed class CjkKeywordSearchTests : IDisposable
{
    private readonly TestKnowledgeBase _knowledge = new();

    public CjkKeywordSearchTests()
    {
        var fixtures = Path.Combine(AppContext.BaseDirectory, "Fixtures", "cjk-knowledge");
        foreach (var file in Directory.EnumerateFiles(fixtures, "*.md", SearchOption.AllDirectories))
        {
            _knowledge.WriteBytes(Path.GetRelativePath(fixtures, file), File.ReadAllBytes(file));
        }
    }

    [Fact]
    public void A_run_of_ideographs_becomes_overlapping_bigrams()
    {
        Assert.Equal(["退款", "款政", "政策"], new EnglishAnalyzer().Analyze("退款政策"));
    }

    [Fact]
    public void A_single_ideograph_stays_a_term_and_latin_words_around_a_run_are_analyzed_as_before()
    {
        Assert.Equal(["refund", "返金", "金ポ", "ポリ", "リシ", "シー", "30", "日"], new EnglishAnalyzer().Analyze("Refunds: 返金ポリシー 30 日"));
    }

    [Theory]
    [InlineData("返金", "ja/refund-policy")]
    [InlineData("退款政策", "zh/refund-policy")]
    [InlineData("如何申请退款？", "zh/refund-policy")]
    [InlineData("二段階認証", "ja/two-factor")]
    [InlineData("請求書", "ja/invoices")]
    [InlineData("忘记密码", "zh/password-reset")]
    public async Task A_word_inside_a_run_of_text_finds_its_article_first(string query, string documentId)
    {
        await _knowledge.IngestAsync();

        var hits = await _knowledge.SearchAsync(query);

        Assert.NotEmpty(hits);
        Assert.Equal(documentId, hits[0].DocumentId);
        // First by keywords, not by luck of the vector ranking among passages that share no term with the query.
        Assert.Equal(1, hits[0].Scores.KeywordRank);
    }

    public void Dispose() => _knowledge.Dispose();
}
