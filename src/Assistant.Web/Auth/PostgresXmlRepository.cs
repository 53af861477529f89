using System.Xml.Linq;
using Assistant.Core.Storage;
using Assistant.Core.Storage.Postgres;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Npgsql;

namespace Assistant.Web.Auth;

/// <summary>
/// The data-protection key ring in the PostgreSQL database replicas share: a cookie or bearer token one replica issued
/// is read by every other. Data protection asks synchronously (at start-up and when its ring refreshes, once a day),
/// so this uses Npgsql's synchronous calls.
/// </summary>
public sealed class PostgresXmlRepository(PostgresDatabase database) : IXmlRepository
{
    private readonly StoreSchema _schema = database.Schema("""
        CREATE TABLE IF NOT EXISTS data_protection_keys (
            id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
            friendly_name text,
            xml           text NOT NULL,
            created_at    timestamptz NOT NULL DEFAULT now()
        );
        """);

    public IReadOnlyCollection<XElement> GetAllElements()
    {
        using var connection = Open();
        using var command = new NpgsqlCommand("SELECT xml FROM data_protection_keys ORDER BY id", connection);
        using var reader = command.ExecuteReader();
        var elements = new List<XElement>();
        while (reader.Read())
        {
            elements.Add(XElement.Parse(reader.GetString(0)));
        }
        return elements;
    }

    public void StoreElement(XElement element, string friendlyName)
    {
        using var connection = Open();
        using var command = new NpgsqlCommand("INSERT INTO data_protection_keys(friendly_name, xml) VALUES(@name, @xml)", connection);
        command.Parameters.AddWithValue("name", friendlyName);
        command.Parameters.AddWithValue("xml", element.ToString(SaveOptions.DisableFormatting));
        command.ExecuteNonQuery();
    }

    private NpgsqlConnection Open()
    {
        // No synchronization context in ASP.NET Core: waiting here cannot deadlock, and it happens once per process.
        _schema.EnsureCreatedAsync().GetAwaiter().GetResult();
        return database.DataSource.OpenConnection();
    }
}
