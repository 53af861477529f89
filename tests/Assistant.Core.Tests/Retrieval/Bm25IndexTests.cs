using System.Buffers;
using Assistant.Core.Retrieval.Keyword;
using Assistant.Core.Storage;
using Xunit;

namespace Assistant.Core.Tests.Retrieval;

public sealed class Bm25IndexTests
{
    private static KeywordTerms Body(params (string Term, int Count)[] terms) =>
        KeywordTerms.From(terms.ToDictionary(t => t.Term, t => t.Count), new Dictionary<string, int>());

    private static readonly KeywordTerms[] Chunks =
    [
        Body(("refund", 2), ("polici", 1)),
        Body(("refund", 1), ("invoic", 1), ("pdf", 1), ("download", 1)),
        Body(("password", 1), ("reset", 1)),
    ];

    [Fact]
    public void Scores_match_a_hand_computed_example()
    {
        // N = 3, df(refund) = 2: idf = ln(1 + 1.5 / 2.5) = ln 1.6. Average length 3.
        // Chunk 0: tf 2, length 3: 2 * 2.2 / (2 + 1.2 * (0.25 + 0.75 * 3/3)) = 4.4 / 3.2
        // Chunk 1: tf 1, length 4: 1 * 2.2 / (1 + 1.2 * (0.25 + 0.75 * 4/3)) = 2.2 / 2.5
        var index = Bm25Index.Build(Chunks, k1: 1.2, b: 0.75, titleWeight: 0);

        var hits = index.Search(["refund"], top: 10);

        Assert.Equal([0, 1], hits.Select(h => h.Index));
        Assert.Equal(Math.Log(1.6) * 4.4 / 3.2, hits[0].Score, 1e-5);
        Assert.Equal(Math.Log(1.6) * 2.2 / 2.5, hits[1].Score, 1e-5);
    }

    [Fact]
    public void Scores_of_several_query_terms_add_up()
    {
        var index = Bm25Index.Build(Chunks, k1: 1.2, b: 0.75, titleWeight: 0);
        var refund = index.Search(["refund"], 10).Single(h => h.Index == 1).Score;
        var pdf = index.Search(["pdf"], 10).Single(h => h.Index == 1).Score;

        var both = index.Search(["refund", "pdf"], 10);

        Assert.Equal(1, both[0].Index);
        Assert.Equal(refund + pdf, both[0].Score, 1e-5);
    }

    [Fact]
    public void A_title_match_counts_as_weighted_occurrences()
    {
        var chunks = new[]
        {
            KeywordTerms.From(new Dictionary<string, int> { ["limit"] = 1, ["api"] = 1 }, new Dictionary<string, int>()),
            KeywordTerms.From(new Dictionary<string, int> { ["limit"] = 1, ["seat"] = 1 }, new Dictionary<string, int> { ["api"] = 1 }),
            KeywordTerms.From(new Dictionary<string, int> { ["other"] = 2 }, new Dictionary<string, int>()),
        };

        var withoutTitles = Bm25Index.Build(chunks, 1.2, 0.75, titleWeight: 0).Search(["api"], 10);
        var withTitles = Bm25Index.Build(chunks, 1.2, 0.75, titleWeight: 3).Search(["api"], 10);

        Assert.Equal([0], withoutTitles.Select(h => h.Index));
        Assert.Equal(1, withTitles[0].Index);
    }

    [Fact]
    public void Filters_exclude_chunks_and_unknown_terms_match_nothing()
    {
        var index = Bm25Index.Build(Chunks, 1.2, 0.75, 0);

        Assert.Equal([1], index.Search(["refund"], 10, accept: i => i != 0).Select(h => h.Index));
        Assert.Empty(index.Search(["nonexistent"], 10));
    }

    [Fact]
    public void Scores_do_not_depend_on_what_others_left_in_the_shared_array_pool()
    {
        var index = Bm25Index.Build(Chunks, 1.2, 0.75, 0);
        var clean = index.Search(["refund"], 10);
        // Leave dirty arrays of the size the index rents in this thread's pool, as other pool users do.
        for (var i = 0; i < 4; i++)
        {
            var dirty = ArrayPool<float>.Shared.Rent(Chunks.Length);
            Array.Fill(dirty, 1000f);
            ArrayPool<float>.Shared.Return(dirty);
        }

        var again = index.Search(["refund"], 10);

        Assert.Equal(clean, again);
    }
}
