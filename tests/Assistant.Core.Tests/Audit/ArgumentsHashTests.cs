using Assistant.Core.Audit;
using Xunit;

namespace Assistant.Core.Tests.Audit;

public sealed class ArgumentsHashTests
{
    [Fact]
    public void Same_arguments_in_any_key_order_hash_the_same()
    {
        var first = new Dictionary<string, object?>
        {
            ["plan"] = "business",
            ["seats"] = 12,
            ["account"] = new Dictionary<string, object?> { ["region"] = "eu", ["id"] = "acct_1" },
            ["note"] = null,
        };
        var second = new Dictionary<string, object?>
        {
            ["note"] = null,
            ["account"] = new Dictionary<string, object?> { ["id"] = "acct_1", ["region"] = "eu" },
            ["seats"] = 12,
            ["plan"] = "business",
        };

        Assert.Equal(ArgumentsHash.Compute(first), ArgumentsHash.Compute(second));
        Assert.Equal("""{"account":{"id":"acct_1","region":"eu"},"note":null,"plan":"business","seats":12}""",
            ArgumentsHash.Canonicalize(second));
    }

    [Fact]
    public void Json_text_hashes_like_the_same_dictionary_whatever_its_whitespace_and_order()
    {
        var dictionary = new Dictionary<string, object?> { ["seats"] = 12, ["plan"] = "business", ["tags"] = new[] { "b", "a" } };
        const string json = """
            {
              "tags": [ "b", "a" ],
              "plan": "business",
              "seats": 12
            }
            """;

        Assert.Equal(ArgumentsHash.Compute(dictionary), ArgumentsHash.Compute(json));
    }

    [Fact]
    public void Keys_sort_ordinally_and_array_order_matters()
    {
        Assert.Equal("""{"B":1,"a":2,"b":3}""", ArgumentsHash.Canonicalize("""{"b":3,"a":2,"B":1}"""));
        Assert.NotEqual(ArgumentsHash.Compute("""{"ids":[1,2]}"""), ArgumentsHash.Compute("""{"ids":[2,1]}"""));
    }

    [Fact]
    public void Different_arguments_hash_differently_as_lowercase_sha256_hex()
    {
        var team = ArgumentsHash.Compute(new Dictionary<string, object?> { ["plan"] = "team" });
        var business = ArgumentsHash.Compute(new Dictionary<string, object?> { ["plan"] = "business" });

        Assert.NotEqual(team, business);
        Assert.Matches("^[0-9a-f]{64}$", team);
        // SHA-256 of the UTF-8 bytes of {"plan":"team"}.
        Assert.Equal(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData("""{"plan":"team"}"""u8)), team);
    }
}
