using System.Linq.Expressions;
using Assistant.Core.Retrieval;
using Assistant.Core.Retrieval.Vectors;
using Assistant.Core.Retrieval.Vectors.Qdrant;
using Xunit;

namespace Assistant.Core.Tests.Retrieval.Vectors.Qdrant;

public sealed class QdrantFilterTranslatorTests
{
    [Fact]
    public void No_filter_translates_to_no_filter()
    {
        Assert.Null(QdrantFilterTranslator.Translate(null));
    }

    [Fact]
    public void The_filter_built_from_a_chunk_filter_matches_every_label_as_a_keyword()
    {
        Assert.True(ChunkFilter.TryParse(["tags:Billing", "audience:customers"], out var chunkFilter, out _));

        var conditions = Conditions(ChunkVectorFilter.From(chunkFilter));

        Assert.Equal([("labels", "tags:billing"), ("labels", "audience:customers")], conditions);
    }

    [Fact]
    public void Chunk_and_document_equality_match_their_payload_fields_on_either_side()
    {
        Assert.Equal([("chunk_id", "c-1")], Conditions(r => r.ChunkId == "c-1"));
        Assert.Equal([("document_id", "policies/refunds")], Conditions(r => "policies/refunds" == r.DocumentId));
    }

    [Fact]
    public void Captured_variables_and_members_are_evaluated()
    {
        var label = ChunkVector.Label("tags", "billing");
        var document = new { Id = "policies/refunds" };

        var conditions = Conditions(r => r.Labels.Contains(label) && r.DocumentId == document.Id && r.ChunkId == ChunkIdOf(2));

        Assert.Equal([("labels", "tags:billing"), ("document_id", "policies/refunds"), ("chunk_id", "chunk-2")], conditions);
    }

    [Fact]
    public void Enumerable_contains_over_the_labels_is_the_same_condition()
    {
        Assert.Equal([("labels", "tags:billing")], Conditions(r => Enumerable.Contains(r.Labels, "tags:billing")));
    }

    public static TheoryData<string, Expression<Func<ChunkVector, bool>>> Unsupported => new()
    {
        { "or", r => r.Labels.Contains("tags:billing") || r.ChunkId == "c-1" },
        { "not", r => !r.Labels.Contains("tags:billing") },
        { "not equal", r => r.ChunkId != "c-1" },
        { "unfiltered field", r => r.ContentHash == "abc" },
        { "string method", r => r.DocumentId.StartsWith("policies/") },
        { "field against field", r => r.ChunkId == r.DocumentId },
        { "contains on another list", r => new List<string> { "c-1" }.Contains(r.ChunkId) },
        { "constant true", r => true },
    };

    [Theory]
    [MemberData(nameof(Unsupported))]
    public void Other_shapes_are_refused_naming_the_condition(string shape, Expression<Func<ChunkVector, bool>> filter)
    {
        var error = Assert.Throws<NotSupportedException>(() => QdrantFilterTranslator.Translate(filter));

        Assert.Contains(filter.Body.ToString(), error.Message);
        Assert.Contains("r.Labels.Contains(value)", error.Message);
        _ = shape; // names the case in the test output
    }

    [Fact]
    public void An_unsupported_part_of_a_conjunction_is_named_on_its_own()
    {
        Expression<Func<ChunkVector, bool>> filter = r => r.Labels.Contains("tags:billing") && r.ContentHash == "abc";

        var error = Assert.Throws<NotSupportedException>(() => QdrantFilterTranslator.Translate(filter));

        Assert.Contains("'(r.ContentHash == \"abc\")'", error.Message);
    }

    [Fact]
    public void Comparing_with_null_is_refused()
    {
        string? missing = null;

        var error = Assert.Throws<NotSupportedException>(() => QdrantFilterTranslator.Translate(r => r.ChunkId == missing));

        Assert.Contains("null", error.Message);
    }

    private static string ChunkIdOf(int index) => $"chunk-{index}";

    private static List<(string Field, string Keyword)> Conditions(Expression<Func<ChunkVector, bool>>? filter)
    {
        var translated = QdrantFilterTranslator.Translate(filter)!;
        Assert.Empty(translated.Should);
        Assert.Empty(translated.MustNot);
        return translated.Must.Select(condition => (condition.Field.Key, condition.Field.Match.Keyword)).ToList();
    }
}
