using Assistant.Core.Tests.Support;
using Microsoft.Extensions.Options;
using Xunit;

namespace Assistant.Core.Tests.Knowledge;

/// <summary>
/// A data folder that cannot be written fails with one message naming the folder and the setting. The tests run as
/// root, where permission bits do not stop writes, so the folder is made unwritable by a regular file in the way.
/// </summary>
public sealed class DataDirectoryTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("assistant-data-test-").FullName;

    [Fact]
    public async Task A_data_folder_below_a_regular_file_fails_naming_the_folder_and_the_setting()
    {
        var blocker = Path.Combine(_root, "not-a-folder");
        File.WriteAllText(blocker, "a file where a folder is needed");
        var data = Path.Combine(blocker, "data");
        using var knowledge = new TestKnowledgeBase(settings: new() { ["Assistant:DataDirectory"] = data });
        knowledge.Write("guide.md", TestKnowledgeBase.Article("Guide", "## Start\n\nOpen the dashboard."));

        var error = await Assert.ThrowsAnyAsync<Exception>(knowledge.IngestAsync);

        Assert.IsType<OptionsValidationException>(error);
        Assert.Contains($"'{data}'", error.Message);
        Assert.Contains("Assistant:DataDirectory", error.Message);
    }

    [Fact]
    public void A_data_folder_that_is_a_regular_file_fails_naming_the_folder_and_the_setting()
    {
        var file = Path.Combine(_root, "data");
        File.WriteAllText(file, "a file where a folder is needed");

        var result = new DataDirectoryValidation().Validate(null, new AssistantOptions { DataDirectory = file });

        Assert.True(result.Failed);
        Assert.Contains($"'{file}'", result.FailureMessage);
        Assert.Contains("Assistant:DataDirectory", result.FailureMessage);
    }

    [Fact]
    public void A_writable_data_folder_is_created_and_left_clean()
    {
        var data = Path.Combine(_root, "new", "data");

        var result = new DataDirectoryValidation().Validate(null, new AssistantOptions { DataDirectory = data });

        Assert.True(result.Succeeded);
        Assert.Empty(Directory.EnumerateFileSystemEntries(data));
    }

    public void Dispose() => Directory.Delete(_root, recursive: true);
}
