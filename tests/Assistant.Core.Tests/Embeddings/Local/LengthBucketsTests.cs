using Assistant.Core.Embeddings.Local;
using Xunit;

namespace Assistant.Core.Tests.Embeddings.Local;

public sealed class LengthBucketsTests
{
    [Fact]
    public void Texts_of_similar_length_share_a_batch_within_the_token_budget()
    {
        int[] tokenCounts = [300, 12, 14, 310, 11, 500, 13];

        var batches = LengthBuckets.Group(tokenCounts, tokenBudget: 512);

        Assert.Equal([[4, 1, 6, 2], [0], [3], [5]], batches);
        Assert.All(batches, batch => Assert.True(batch.Length * batch.Max(i => tokenCounts[i]) <= 512 || batch.Length == 1));
    }

    [Fact]
    public void A_text_longer_than_the_budget_gets_a_batch_of_its_own()
    {
        var batches = LengthBuckets.Group([600, 5], tokenBudget: 512);

        Assert.Equal([[1], [0]], batches);
    }
}
