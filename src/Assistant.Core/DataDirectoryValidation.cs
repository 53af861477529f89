using Microsoft.Extensions.Options;

namespace Assistant.Core;

/// <summary>
/// Checks at start-up that the data folder can be created and written, by writing a probe file (permission bits
/// alone do not tell: root ignores them, and a read-only mount or a file in the way shows up only on write). A
/// failure names the folder and the setting that chose it, instead of a SQLite stack trace later.
/// </summary>
public sealed class DataDirectoryValidation : IValidateOptions<AssistantOptions>
{
    public ValidateOptionsResult Validate(string? name, AssistantOptions options)
    {
        if (string.IsNullOrWhiteSpace(options.DataDirectory))
        {
            return ValidateOptionsResult.Skip; // [Required] reports the missing setting
        }
        var folder = Path.GetFullPath(options.DataDirectory);
        try
        {
            Directory.CreateDirectory(folder);
            var probe = Path.Combine(folder, $".write-probe-{Guid.NewGuid():N}");
            using (File.Create(probe, 1, FileOptions.DeleteOnClose))
            {
            }
            return ValidateOptionsResult.Success;
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or NotSupportedException)
        {
            return ValidateOptionsResult.Fail(
                $"The data folder '{folder}' (setting {AssistantOptions.SectionName}:{nameof(AssistantOptions.DataDirectory)}) " +
                $"cannot be written: {exception.Message} Point {AssistantOptions.SectionName}:{nameof(AssistantOptions.DataDirectory)} " +
                $"(environment variable Assistant__DataDirectory, or --data for the CLI) at a folder this process can write.");
        }
    }
}
