using Assistant.Core.Answers;
using Assistant.Core.Releases;
using Xunit;

namespace Assistant.Core.Tests.Releases;

public sealed class VersionDiffTests
{
    private static readonly AssistantSettings Base = new("answer-v2", null, null, null,
        new AnswerPolicy(5, 0.3, 0.5, 0.1, UnsupportedSentencePolicy.Drop, 120), ["look_up_invoice", "open_ticket"]);

    [Fact]
    public void Identical_settings_have_no_changes_even_with_tools_in_another_order()
    {
        Assert.Empty(VersionDiff.Between(Base, Base with { EnabledTools = ["open_ticket", "look_up_invoice"] }));
    }

    [Fact]
    public void Each_changed_setting_is_one_line_by_its_dotted_camel_case_path_with_both_values()
    {
        var after = Base with
        {
            AnswerPrompt = "answer-v1",
            Model = "gpt-4o-mini",
            Temperature = 0.2f,
            Answers = Base.Answers with { SupportThreshold = 0.65, UnsupportedSentences = UnsupportedSentencePolicy.Mark },
        };

        var changes = VersionDiff.Between(Base, after);

        Assert.Equal(
        [
            new SettingChange("answerPrompt", "answer-v2", "answer-v1"),
            new SettingChange("model", null, "gpt-4o-mini"),
            new SettingChange("temperature", null, "0.2"),
            new SettingChange("answers.supportThreshold", "0.5", "0.65"),
            new SettingChange("answers.unsupportedSentences", "Drop", "Mark"),
        ], changes);
    }

    [Fact]
    public void Tools_show_as_added_or_removed_one_line_each()
    {
        var changes = VersionDiff.Between(Base, Base with { EnabledTools = ["open_ticket", "request_refund"] });

        Assert.Equal(
        [
            new SettingChange("enabledTools.look_up_invoice", "enabled", null),
            new SettingChange("enabledTools.request_refund", null, "enabled"),
        ], changes);
    }
}
