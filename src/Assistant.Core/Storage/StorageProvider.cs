namespace Assistant.Core.Storage;

/// <summary>Where the app's shared state lives (Assistant:Storage:Provider).</summary>
public enum StorageProvider
{
    /// <summary>One SQLite file in the data folder: the embedded default for one host.</summary>
    Sqlite,

    /// <summary>A PostgreSQL database several replicas share (Assistant:Storage:ConnectionString).</summary>
    PostgreSQL,
}
