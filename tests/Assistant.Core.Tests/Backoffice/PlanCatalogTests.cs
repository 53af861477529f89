using Assistant.Core.Backoffice;
using Xunit;

namespace Assistant.Core.Tests.Backoffice;

public sealed class PlanCatalogTests
{
    [Theory]
    [InlineData("Free", "monthly", 0)]
    [InlineData("starter", "monthly", 9)]
    [InlineData("STARTER", "annual", 90)]
    [InlineData("Team", "monthly", 18)]
    [InlineData("team", "Annual", 180)]
    [InlineData("Business", "monthly", 30)]
    [InlineData("business", "annual", 300)]
    public void Prices_match_the_help_center(string plan, string cycle, int expected)
    {
        Assert.True(PlanCatalog.TryGetPrice(plan, cycle, out var price));
        Assert.Equal(expected, price);
    }

    [Theory]
    [InlineData("Enterprise", "annual")]
    [InlineData("Premium", "monthly")]
    [InlineData("Team", "weekly")]
    public void Enterprise_unknown_plans_and_unknown_cycles_have_no_price(string plan, string cycle) =>
        Assert.False(PlanCatalog.TryGetPrice(plan, cycle, out _));

    [Fact]
    public void Names_are_normalized_case_insensitively()
    {
        Assert.Equal("Business", PlanCatalog.Normalize(" business "));
        Assert.Null(PlanCatalog.Normalize("Platinum"));
    }
}
