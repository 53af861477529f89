using System.Text.Json.Nodes;

namespace Assistant.Web.Releases;

/// <summary>A change to a draft: a new description and/or settings merged over the draft's own.</summary>
public sealed record VersionUpdateRequest(string? Description, JsonObject? Settings);
