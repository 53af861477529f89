namespace Assistant.Core.Storage;

/// <summary>Readable, sortable ids: a prefix naming the kind ("conv", "trace") and a version-7 GUID.</summary>
public static class Ids
{
    public static string New(string prefix) => $"{prefix}_{Guid.CreateVersion7():N}";
}
