using System.Text.Json.Nodes;

namespace Assistant.Web.Releases;

/// <summary>
/// A new draft. <see cref="Settings"/> is merged over the base's settings (or the configured version's when
/// <see cref="BasedOn"/> is absent): send only what changes, e.g. <c>{"answers": {"supportThreshold": 0.6}}</c>.
/// </summary>
public sealed record VersionCreateRequest(string? Id, string? Description, string? BasedOn, JsonObject? Settings);
