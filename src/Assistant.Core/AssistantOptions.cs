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

    /// <summary>The app's state: conversations, traces, feedback, handoffs, actions, audit, backoffice.</summary>
    public string DatabasePath => Path.Combine(Path.GetFullPath(DataDirectory), "assistant.db");

    /// <summary>
    /// The knowledge index, in its own file so an ingest's write transaction never blocks the app's writes. It is
    /// rebuilt from the knowledge folder, so a data folder from before the split only needs an ingest.
    /// </summary>
    public string KnowledgeDatabasePath => Path.Combine(Path.GetFullPath(DataDirectory), "knowledge.db");
}
