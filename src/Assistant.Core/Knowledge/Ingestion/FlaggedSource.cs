namespace Assistant.Core.Knowledge.Ingestion;

/// <summary>A sentence that speaks to the assistant: which file and line, why it was flagged, and the sentence itself.</summary>
public sealed record FlaggedSource(string SourcePath, string DocumentId, int Line, string Reason, string Text, string Hash);
