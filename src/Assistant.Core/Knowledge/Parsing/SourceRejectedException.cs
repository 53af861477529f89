namespace Assistant.Core.Knowledge.Parsing;

/// <summary>A document that cannot be ingested; the message says why in words a content author can act on.</summary>
public sealed class SourceRejectedException(string reason) : Exception(reason);
