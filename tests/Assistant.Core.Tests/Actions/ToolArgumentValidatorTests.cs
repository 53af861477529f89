using System.Text.Json;
using Assistant.Core.Actions.Planning;
using Assistant.Core.Actions.Tools;
using Assistant.Core.Tests.Support;
using Xunit;
using static Assistant.Core.Tests.Actions.ActionTestExtensions;

namespace Assistant.Core.Tests.Actions;

public sealed class ToolArgumentValidatorTests
{
    private static readonly JsonElement Schema = Json("""
        {
          "type": "object",
          "properties": {
            "invoice": { "type": "string", "description": "Invoice number such as INV-2026-0142", "pattern": "^INV-\\d{4}-\\d{4}$" },
            "plan": { "type": "string", "enum": ["Starter", "Team"] },
            "amount": { "type": ["number", "null"], "minimum": 0.01, "maximum": 500 },
            "seats": { "type": "integer" },
            "note": { "type": "string", "minLength": 1, "maxLength": 10 },
            "urgent": { "type": "boolean" }
          },
          "required": ["invoice"]
        }
        """);

    private static IReadOnlyDictionary<string, string[]> Validate(string arguments) => ToolArgumentValidator.Validate(Schema, Json(arguments));

    [Fact]
    public void Valid_arguments_have_no_errors() =>
        Assert.Empty(Validate("""{"invoice":"INV-2026-0142","plan":"Team","amount":20.5,"seats":3,"note":"hi","urgent":true}"""));

    [Fact]
    public void A_missing_required_argument_is_reported_with_its_description()
    {
        var error = Assert.Single(Assert.Single(Validate("{}")).Value);
        Assert.Equal("Required (Invoice number such as INV-2026-0142).", error);
    }

    [Fact]
    public void Null_for_a_required_argument_counts_as_missing() =>
        Assert.Contains(Validate("""{"invoice":null}""")["invoice"], error => error.StartsWith("Required", StringComparison.Ordinal));

    [Fact]
    public void Null_is_allowed_only_where_the_type_allows_it()
    {
        Assert.Empty(Validate("""{"invoice":"INV-2026-0142","amount":null}"""));
        Assert.Equal(["Must not be null."], Validate("""{"invoice":"INV-2026-0142","seats":null}""")["seats"]);
    }

    [Fact]
    public void An_unknown_argument_is_rejected_and_the_known_ones_are_named()
    {
        var errors = Validate("""{"invoice":"INV-2026-0142","approved":true}""");
        var error = Assert.Single(Assert.Single(errors, pair => pair.Key == "approved").Value);
        Assert.Equal("Unknown argument; this tool takes: invoice, plan, amount, seats, note, urgent.", error);
    }

    [Fact]
    public void A_wrong_type_is_reported()
    {
        Assert.Equal(["Must be number, not a string."], Validate("""{"invoice":"INV-2026-0142","amount":"20"}""")["amount"]);
        Assert.Equal(["Must be integer, not a number."], Validate("""{"invoice":"INV-2026-0142","seats":2.5}""")["seats"]);
        Assert.Equal(["Must be boolean, not a string."], Validate("""{"invoice":"INV-2026-0142","urgent":"yes"}""")["urgent"]);
    }

    [Fact]
    public void A_value_outside_the_pattern_is_rejected() =>
        Assert.Equal(["'INV-42' is not in the expected format (Invoice number such as INV-2026-0142)."], Validate("""{"invoice":"INV-42"}""")["invoice"]);

    [Fact]
    public void Enum_values_match_case_insensitively_and_others_are_rejected()
    {
        Assert.Empty(Validate("""{"invoice":"INV-2026-0142","plan":"team"}"""));
        Assert.Equal(["Must be one of: Starter, Team."], Validate("""{"invoice":"INV-2026-0142","plan":"Gold"}""")["plan"]);
    }

    [Fact]
    public void Numbers_outside_minimum_and_maximum_are_rejected()
    {
        Assert.Equal(["Must be at least 0.01."], Validate("""{"invoice":"INV-2026-0142","amount":0}""")["amount"]);
        Assert.Equal(["Must be at most 500."], Validate("""{"invoice":"INV-2026-0142","amount":500.01}""")["amount"]);
    }

    [Fact]
    public void Strings_outside_min_and_max_length_are_rejected()
    {
        Assert.Equal(["Must not be empty."], Validate("""{"invoice":"INV-2026-0142","note":""}""")["note"]);
        Assert.Equal(["Must be at most 10 characters; this is 11."], Validate("""{"invoice":"INV-2026-0142","note":"eleven char"}""")["note"]);
    }

    [Theory]
    [InlineData("[]", "an array")]
    [InlineData("\"refund\"", "a string")]
    [InlineData("null", "null")]
    public void Arguments_that_are_not_an_object_are_rejected(string arguments, string kind)
    {
        var error = Assert.Single(Assert.Single(Validate(arguments)).Value);
        Assert.Equal($"Arguments must be a JSON object, not {kind}.", error);
    }

    [Fact]
    public void The_refund_tools_attributes_become_its_schema()
    {
        using var actions = new TestActions();
        var schema = actions.Get<ToolCatalog>().Find(ToolNames.RequestRefund)!.Schema;

        Assert.Equal(["invoice"], ToolArgumentValidator.Required(schema));
        Assert.Empty(ToolArgumentValidator.Validate(schema, Json("""{"invoice":"INV-2026-0142","amount":120,"reason":"Duplicate seat"}""")));
        var errors = ToolArgumentValidator.Validate(schema, Json("""{"invoice":"INV-1","amount":0,"reason":"x","context":{}}"""));
        Assert.Equal(["amount", "context", "invoice"], errors.Keys.Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("1e29")]
    [InlineData("1e308")]
    [InlineData("79228162514264337593543950336")]
    public void A_number_too_large_to_represent_is_an_error_naming_the_argument(string amount)
    {
        var errors = Validate($$"""{"invoice":"INV-2026-0142","amount":{{amount}}}""");

        var error = Assert.Single(errors["amount"]);
        Assert.Contains("between 0.01 and 500", error, StringComparison.Ordinal);
    }
}
