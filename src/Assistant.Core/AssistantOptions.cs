using System.ComponentModel.DataAnnotations;

namespace Assistant.Core;

/// <summary>Where the assistant keeps its state and finds its knowledge (section "Assistant").</summary>
public sealed class AssistantOptions
{
    public const string SectionName = "Assistant";

    /// <summary>Folder for the SQLite file and other state; relative paths resolve against the working directory.</summary>
    [Required]
    public string DataDirectory { get; set; } = "data";

    /// <summary>Folder of .md/.txt articles ingested at start-up and by <c>assistant ingest</c>.</summary>
    [Required]
    public string KnowledgeDirectory { get; set; } = "knowledge";

    public string DatabasePath => Path.Combine(Path.GetFullPath(DataDirectory), "assistant.db");
}
