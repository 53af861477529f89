using Assistant.Core.Retrieval;
using Xunit;

namespace Assistant.Core.Tests.Retrieval;

public sealed class ChunkFilterTests
{
    [Theory]
    [InlineData("tags")]
    [InlineData("tags:")]
    [InlineData("tags: ")]
    [InlineData(" :billing")]
    [InlineData(":billing")]
    public void Expressions_without_both_a_field_and_a_value_are_rejected(string expression)
    {
        Assert.False(ChunkFilter.TryParse([expression], out _, out var error));
        Assert.Contains(expression, error);
    }

    [Fact]
    public void Field_and_value_are_trimmed()
    {
        Assert.True(ChunkFilter.TryParse([" tags : billing "], out var filter, out _));
        Assert.Equal([("tags", "billing")], filter.Conditions);
    }
}
