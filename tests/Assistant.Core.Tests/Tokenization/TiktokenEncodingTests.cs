// The reference ids in tiktoken-reference.json come from js-tiktoken 1.0.21, each checked against OpenAI's tiktoken
// (npm package tiktoken 1.0.22, its Rust core as WASM). To regenerate, outside the repo: take the fixture's
// "generator" field as make_fixture.js, run `npm install js-tiktoken@1.0.21 tiktoken@1.0.22`, then
// `node make_fixture.js > tiktoken-reference.json`.
using System.Globalization;
using System.Text;
using System.Text.Json;
using Assistant.Core.Tokenization;
using Xunit;

namespace Assistant.Core.Tests.Tokenization;

public sealed class TiktokenEncodingTests
{
    private static readonly Lazy<ReferenceCase[]> Cases = new(LoadCases);

    public static TheoryData<string, int> FixtureCases()
    {
        var data = new TheoryData<string, int>();
        for (var i = 0; i < Cases.Value.Length; i++)
        {
            data.Add("o200k_base", i);
            data.Add("cl100k_base", i);
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(FixtureCases))]
    public void Ids_match_tiktoken_for_every_fixture_text(string encodingName, int index)
    {
        var encoding = ByName(encodingName);
        var reference = Cases.Value[index];
        var expected = encodingName == "o200k_base" ? reference.O200kBase : reference.Cl100kBase;

        var ids = encoding.Encode(reference.Text);

        Assert.Equal(expected, ids);
        Assert.Equal(expected.Length, encoding.CountTokens(reference.Text));
        Assert.Equal(reference.Text, encoding.Decode(ids));
    }

    [Fact]
    public void Fixture_covers_the_sample_set()
    {
        Assert.True(Cases.Value.Length >= 40);
        Assert.Contains(Cases.Value, c => c.Text.Length == 0);
        Assert.Contains(Cases.Value, c => c.Text.Length >= 2000);
    }

    [Theory]
    [InlineData("cl100k_base", "hello world", new[] { 15339, 1917 })]
    [InlineData("o200k_base", "hello world", new[] { 24912, 2375 })]
    [InlineData("o200k_base", "hello world <|endoftext|>", new[] { 24912, 2375, 464, 91, 419, 1440, 919, 91, 29 })]
    // Where js-tiktoken differs from tiktoken: U+FEFF is not whitespace in tiktoken (nor in .NET's \s).
    [InlineData("o200k_base", "a\uFEFF\uFEFFb c", new[] { 64, 135153, 65, 274 })]
    [InlineData("o200k_base", "😀abc", new[] { 84083, 26682 })]
    [InlineData("cl100k_base", "", new int[0])]
    public void Known_small_cases(string encodingName, string text, int[] expected)
    {
        var encoding = ByName(encodingName);

        Assert.Equal(expected, encoding.Encode(text));
        Assert.Equal(expected.Length, encoding.CountTokens(text));
    }

    [Fact]
    public void Lone_surrogates_encode_as_the_replacement_character()
    {
        // tiktoken sees U+FFFD after its UTF-8 conversion; kept out of InlineData so test names stay valid UTF-16.
        var text = "x" + '\uD800' + "y";

        Assert.Equal([87, 5809, 88], TiktokenEncoding.Cl100kBase.Encode(text));
        Assert.Equal([87, 3251, 88], TiktokenEncoding.O200kBase.Encode(text));
        Assert.Equal(3, TiktokenEncoding.O200kBase.CountTokens(text));
    }

    [Fact]
    public void Rank_tables_have_the_published_sizes()
    {
        // tiktoken's o200k_base has 199,998 mergeable ranks, cl100k_base 100,256 (special tokens come after).
        Assert.Equal(199_998, TiktokenEncoding.O200kBase.RankCount);
        Assert.Equal(100_256, TiktokenEncoding.Cl100kBase.RankCount);
        Assert.Equal("o200k_base", TiktokenEncoding.O200kBase.Name);
        Assert.Equal("cl100k_base", TiktokenEncoding.Cl100kBase.Name);
        Assert.Same(TiktokenEncoding.O200kBase, TiktokenEncoding.O200kBase);
    }

    [Fact]
    public void Decode_handles_special_tokens_and_rejects_unknown_ids()
    {
        Assert.Equal("<|endoftext|>", TiktokenEncoding.Cl100kBase.Decode([100257]));
        Assert.Equal("<|endoftext|>", TiktokenEncoding.O200kBase.Decode([199999]));
        Assert.Throws<ArgumentOutOfRangeException>(() => TiktokenEncoding.Cl100kBase.Decode([100256]));
        Assert.Throws<ArgumentOutOfRangeException>(() => TiktokenEncoding.O200kBase.Decode([-1]));
    }

    [Theory]
    [InlineData("o200k_base")]
    [InlineData("cl100k_base")]
    public void Heap_merge_matches_the_linear_merge(string encodingName)
    {
        var ranks = ByName(encodingName).Ranks;
        var random = new Random(42);
        var samples = new List<byte[]>
        {
            Encoding.UTF8.GetBytes(new string('a', 1000)),
            Encoding.UTF8.GetBytes(string.Concat(Enumerable.Repeat("tokenization ", 40))),
            Encoding.UTF8.GetBytes(string.Concat(Enumerable.Repeat("日本語😀", 60))),
        };
        for (var i = 0; i < 20; i++)
        {
            var bytes = new byte[random.Next(2, 600)];
            random.NextBytes(bytes);
            samples.Add(bytes);
            samples.Add(Encoding.ASCII.GetBytes(Convert.ToBase64String(bytes)));
        }

        foreach (var sample in samples)
        {
            var linear = new int[sample.Length];
            var heap = new int[sample.Length];
            var linearCount = BytePairEncoder.MergeLinear(sample, ranks, linear);
            var heapCount = BytePairEncoder.MergeWithHeap(sample, ranks, heap);
            Assert.Equal(linear.AsSpan(0, linearCount).ToArray(), heap.AsSpan(0, heapCount).ToArray());
        }
    }

    [Fact]
    public void Long_single_pieces_encode_and_round_trip()
    {
        var encoding = TiktokenEncoding.O200kBase;
        foreach (var text in new[] { new string('a', 200_000), new string(' ', 100_000) + "x", string.Concat(Enumerable.Repeat("😀", 20_000)) })
        {
            var ids = encoding.Encode(text);
            Assert.Equal(ids.Count, encoding.CountTokens(text));
            Assert.Equal(text, encoding.Decode(ids));
        }
    }

    [Fact]
    public void Supplementary_characters_map_to_a_stand_in_of_the_same_class()
    {
        UnicodeCategory[] mapped =
        [
            UnicodeCategory.UppercaseLetter, UnicodeCategory.LowercaseLetter, UnicodeCategory.TitlecaseLetter,
            UnicodeCategory.ModifierLetter, UnicodeCategory.OtherLetter, UnicodeCategory.NonSpacingMark,
            UnicodeCategory.SpacingCombiningMark, UnicodeCategory.EnclosingMark, UnicodeCategory.DecimalDigitNumber,
            UnicodeCategory.LetterNumber, UnicodeCategory.OtherNumber, UnicodeCategory.SpaceSeparator,
            UnicodeCategory.LineSeparator, UnicodeCategory.ParagraphSeparator,
        ];
        for (var codePoint = 0x10000; codePoint <= 0x10FFFF; codePoint++)
        {
            var category = CharUnicodeInfo.GetUnicodeCategory(codePoint);
            var shadow = TiktokenPatterns.ShadowOf(codePoint);
            if (shadow == '\uFFFD')
            {
                // Every other category is "not whitespace, letter, number or mark" to the patterns, as U+FFFD is.
                Assert.DoesNotContain(category, mapped);
            }
            else
            {
                Assert.Equal(category, char.GetUnicodeCategory(shadow));
            }
        }
    }

    [Fact]
    public async Task Concurrent_counting_gives_the_same_counts()
    {
        var encoding = TiktokenEncoding.Cl100kBase;
        var texts = Cases.Value.Select(c => c.Text + " tail").ToArray();
        var expected = texts.Select(t => encoding.Encode(t).Count).ToArray();

        // Several threads share the piece cache; counts must not depend on who filled it.
        await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(() =>
        {
            for (var round = 0; round < 100; round++)
            {
                for (var i = 0; i < texts.Length; i++)
                {
                    Assert.Equal(expected[i], encoding.CountTokens(texts[i]));
                }
            }
        }, TestContext.Current.CancellationToken)));
    }

    private static TiktokenEncoding ByName(string name) =>
        name == "o200k_base" ? TiktokenEncoding.O200kBase : TiktokenEncoding.Cl100kBase;

    private static ReferenceCase[] LoadCases()
    {
        var path = Path.Combine(AppContext.BaseDirectory, "Tokenization", "tiktoken-reference.json");
        using var document = JsonDocument.Parse(File.ReadAllText(path));
        var cases = new List<ReferenceCase>();
        foreach (var element in document.RootElement.GetProperty("cases").EnumerateArray())
        {
            cases.Add(new ReferenceCase(
                element.GetProperty("text").GetString()!,
                Ids(element.GetProperty("o200k_base")),
                Ids(element.GetProperty("cl100k_base"))));
        }
        return [.. cases];
    }

    private static int[] Ids(JsonElement array)
    {
        var ids = new int[array.GetArrayLength()];
        var i = 0;
        foreach (var id in array.EnumerateArray())
        {
            ids[i++] = id.GetInt32();
        }
        return ids;
    }

    private sealed record ReferenceCase(string Text, int[] O200kBase, int[] Cl100kBase);
}
