namespace Assistant.Core.Knowledge.Chunking;

/// <summary>A chunk before it is analyzed and embedded: which section it belongs to and its range in the document.</summary>
public sealed record ChunkDraft(int Ordinal, IReadOnlyList<string> HeadingPath, int Start, int End);
