using System.Text.Json.Nodes;
using Xunit;

namespace Assistant.Core.Tests.Architecture;

/// <summary>
/// Core is a library the CLI, the web host and other hosts share, so it must not drag in the ASP.NET Core shared
/// framework: web concerns live in Assistant.Web. Restore's assets file lists the framework references of the project
/// and of every package it pulls in, so a package that brings ASP.NET Core with it is caught as well.
/// </summary>
public sealed class FrameworkReferenceTests
{
    private const string AspNetCore = "Microsoft.AspNetCore.App";

    [Fact]
    public void Core_and_its_packages_do_not_reference_the_AspNetCore_framework()
    {
        var path = Path.Combine(CoreSource.Folder, "obj", "project.assets.json");
        Assert.True(File.Exists(path), $"{path} is missing: restore Assistant.Core before running this test.");
        var assets = JsonNode.Parse(File.ReadAllText(path))!;

        var offenders = new List<string>();
        foreach (var (framework, settings) in assets["project"]!["frameworks"]!.AsObject())
        {
            if (settings?["frameworkReferences"]?[AspNetCore] is not null)
            {
                offenders.Add($"Assistant.Core.csproj ({framework}): <FrameworkReference Include=\"{AspNetCore}\" />");
            }
        }
        foreach (var (_, packages) in assets["targets"]!.AsObject())
        {
            foreach (var (package, details) in packages!.AsObject())
            {
                if (details?["frameworkReferences"]?.AsArray().Any(reference => reference?.GetValue<string>() == AspNetCore) == true)
                {
                    offenders.Add($"package {package}");
                }
            }
        }

        Assert.True(offenders.Count == 0, $"Assistant.Core references {AspNetCore} through: {string.Join("; ", offenders)}. Move what needs it to Assistant.Web.");
    }

    [Fact]
    public void Core_assembly_uses_no_AspNetCore_assembly()
    {
        var references = typeof(AssistantOptions).Assembly.GetReferencedAssemblies()
            .Select(reference => reference.Name!)
            .Where(name => name.StartsWith("Microsoft.AspNetCore", StringComparison.Ordinal));

        Assert.Empty(references);
    }
}
