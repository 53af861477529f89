namespace Assistant.Gateway.Tests.Support;

/// <summary>What a replica saw of one request.</summary>
public sealed record SeenRequest(string Method, string Path, string? RequestId, string? TraceParent);
