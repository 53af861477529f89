using Assistant.Core.Answers;
using Assistant.Core.Text.Analysis;
using Xunit;

namespace Assistant.Core.Tests.Answers;

public sealed class AnswerShapingTests
{
    private static AnswerSentence Sentence(string text, bool supported = true) =>
        new(text, [new Citation(1, "doc#0", "doc", "Doc", 0, text.Length, 0, text.Length, text, 1)], supported, supported ? 1 : 0, []);

    [Theory]
    [InlineData("Do monthly plans get refunded after 14 days?", "Monthly plans are not refunded after the first 14 days.", "No.")]
    [InlineData("Does the Business plan include single sign-on?", "The Business plan includes SAML single sign-on.", "Yes.")]
    [InlineData("Can I pay by bank transfer without an invoice?", "You cannot pay by bank transfer without an invoice.", "Yes.")]
    public void A_yes_no_question_gets_a_verdict_when_the_deciding_sentence_states_it(string question, string sentence, string verdict)
    {
        var answer = YesNoVerdict.Apply(new EnglishAnalyzer(), question, [Sentence(sentence)]);

        Assert.Equal([verdict, sentence], answer.Select(s => s.Text));
        Assert.Equal(answer[1].Citations, answer[0].Citations);
    }

    [Theory]
    [InlineData("Does the Starter plan include single sign-on?", "SAML single sign-on is available on Business and Enterprise.")]
    [InlineData("How do I turn on single sign-on?", "The Business plan includes SAML single sign-on.")]
    public void No_verdict_unless_the_sentence_decides_a_yes_no_question(string question, string sentence) =>
        Assert.Equal([sentence], YesNoVerdict.Apply(new EnglishAnalyzer(), question, [Sentence(sentence)]).Select(s => s.Text));

    [Fact]
    public void A_list_introduction_whose_items_were_dropped_goes_too()
    {
        var intro = Sentence("These plans include single sign-on:");
        var item = Sentence("Business.", supported: false);
        var other = Sentence("Owners configure it in settings.");
        List<AnswerSentence> drafted = [other, intro, item];

        var kept = ListIntroductions.DropDangling(drafted, [other, intro]);

        Assert.Equal([other], kept);
    }

    [Fact]
    public void A_list_introduction_followed_by_its_items_stays()
    {
        var intro = Sentence("These plans include single sign-on:");
        var item = Sentence("Business and Enterprise.");
        List<AnswerSentence> drafted = [intro, item];

        Assert.Equal(drafted, ListIntroductions.DropDangling(drafted, [intro, item]));
    }
}
