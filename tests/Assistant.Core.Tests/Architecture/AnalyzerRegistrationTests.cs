using System.Reflection;
using Assistant.Core.Text.Analysis;
using Assistant.Core.Tests.Support;
using Xunit;

namespace Assistant.Core.Tests.Architecture;

/// <summary>
/// The keyword analyzer is a service the application registers once and hands to everything that reads text as
/// terms (ingestion, queries, the hashing embedding, the answer checks), not a static instance each folder reaches
/// for: the index and its queries then share one analyzer by construction, and a test can give a component its own.
/// </summary>
public sealed class AnalyzerRegistrationTests
{
    [Fact]
    public void No_core_type_holds_a_static_analyzer()
    {
        const BindingFlags statics = BindingFlags.Static | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly;
        var holders = typeof(AssistantOptions).Assembly.GetTypes()
            .SelectMany(type => type.GetFields(statics).Select(field => (type, field.Name, field.FieldType))
                .Concat(type.GetProperties(statics).Select(property => (type, property.Name, FieldType: property.PropertyType))))
            .Where(member => member.FieldType == typeof(EnglishAnalyzer))
            .Select(member => $"{member.type.FullName}.{member.Name}")
            .ToList();

        Assert.True(holders.Count == 0, $"Static analyzer instances (register it once and inject it instead): {string.Join(", ", holders)}");
    }

    [Fact]
    public void The_composed_features_register_the_analyzer_once_as_a_singleton()
    {
        using var knowledge = new TestKnowledgeBase();

        var registration = Assert.Single(knowledge.Registrations, registration => registration.ServiceType == typeof(EnglishAnalyzer));

        Assert.Equal(Microsoft.Extensions.DependencyInjection.ServiceLifetime.Singleton, registration.Lifetime);
    }
}
