using System.ComponentModel.DataAnnotations;

namespace Assistant.Web.Knowledge;

/// <summary>How often the web host checks for an index committed by another process (section "Assistant:IndexWatch").</summary>
public sealed class IndexWatchOptions
{
    public const string SectionName = "Assistant:IndexWatch";

    /// <summary>
    /// Seconds between checks. A check is one small read of the knowledge file, so every couple of seconds costs
    /// nothing, and an <c>assistant ingest</c> shows up on the running host before anyone could notice.
    /// </summary>
    [Range(0.05, 3600)]
    public double PollSeconds { get; set; } = 2;
}
