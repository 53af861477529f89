using Assistant.Core.Embeddings.Local;
using Xunit;

namespace Assistant.Core.Tests.Embeddings.Local;

public sealed class BertBasicTokenizationTests
{
    [Fact]
    public void Line_breaks_separate_words_and_symbols_stand_alone()
    {
        Assert.Equal(["white", "matter", "alterations", "(", "n", "=", "17", ")", "x", "+", "y"], Words("White matter\nAlterations (n = 17)\tx+y"));
    }

    [Fact]
    public void Accents_are_stripped_and_ideographs_stand_alone()
    {
        Assert.Equal(["naive", "resume", "“", "zurich", "”", "日", "本", "語"], Words("Naïve résumé “Zürich” 日本語"));
    }

    private static string[] Words(string text) => BertBasicTokenization.Apply(text).Split(' ', StringSplitOptions.RemoveEmptyEntries);
}
