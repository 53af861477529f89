using Assistant.Core.Knowledge.Parsing;
using Xunit;

namespace Assistant.Core.Tests.Knowledge;

public sealed class FrontMatterTests
{
    [Fact]
    public void Reads_scalars_inline_lists_and_dash_lists()
    {
        var text = "---\ntitle: \"Request a refund\"\naudience: customers   # who reads it\ntags: [billing, refunds]\nowners:\n  - ana\n  - bo\n---\n# Body\n";

        var values = FrontMatter.Parse(text, out var bodyStart);

        Assert.Equal(["Request a refund"], values["title"]);
        Assert.Equal(["customers"], values["audience"]);
        Assert.Equal(["billing", "refunds"], values["tags"]);
        Assert.Equal(["ana", "bo"], values["owners"]);
        Assert.Equal("# Body\n", text[bodyStart..]);
    }

    [Fact]
    public void Text_without_front_matter_has_no_values_and_starts_at_zero()
    {
        var values = FrontMatter.Parse("# Just a heading\n", out var bodyStart);

        Assert.Empty(values);
        Assert.Equal(0, bodyStart);
    }

    [Theory]
    [InlineData("---\ntitle: Open\naudience: everyone\n", "no closing '---'")]
    [InlineData("---\njust some words\n---\n", "line 2")]
    [InlineData("---\ntags: [a, b\n---\n", "no closing ']'")]
    public void Malformed_front_matter_is_rejected_with_the_reason(string text, string expected)
    {
        var error = Assert.Throws<SourceRejectedException>(() => FrontMatter.Parse(text, out _));

        Assert.Contains(expected, error.Message);
    }

    [Fact]
    public void A_hash_inside_a_value_is_not_a_comment()
    {
        var values = FrontMatter.Parse("---\ntitle: C# SDK\n---\n", out _);

        Assert.Equal(["C# SDK"], values["title"]);
    }
}
