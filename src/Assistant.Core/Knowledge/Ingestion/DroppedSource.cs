namespace Assistant.Core.Knowledge.Ingestion;

/// <summary>Text left out of the index because a reader never sees it: which file, which line, what kind.</summary>
public sealed record DroppedSource(string SourcePath, string DocumentId, int Line, string Kind, string Excerpt);
