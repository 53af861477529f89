using System.CommandLine;
using Assistant.Core.Releases;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;

namespace Assistant.Cli.Commands;

/// <summary>"assistant versions list | show &lt;id&gt; | diff &lt;a&gt; &lt;b&gt;": the assistant versions in the app database.</summary>
internal static class VersionsCommand
{
    public static Command Create()
    {
        var list = new Command("list", "Every assistant version, oldest first; the configured one is marked (`versions show <id>` for its description and settings).");
        list.SetAction(async (_, cancellationToken) =>
        {
            using var host = CliHost.Build();
            var store = host.Services.GetRequiredService<IAssistantVersionStore>();
            var configured = (await store.ConfiguredAsync(cancellationToken)).Id;
            var table = new Table().AddColumns("id", "status", "based on", "prompt", "model", "created by");
            foreach (var version in await store.ListAsync(cancellationToken))
            {
                table.AddRow(Markup.Escape(version.Id + (version.Id == configured ? " (configured)" : "")), version.Status.ToString(),
                    Markup.Escape(version.BasedOn ?? "-"), Markup.Escape(version.Settings.AnswerPrompt), Markup.Escape(version.Settings.Model ?? "offline"),
                    Markup.Escape(version.CreatedBy));
            }
            AnsiConsole.Write(table);
            return 0;
        });

        var id = new Argument<string>("id") { Description = "The version's id." };
        var show = new Command("show", "One version's settings and what it changes from its base.") { id };
        show.SetAction(async (parse, cancellationToken) =>
        {
            using var host = CliHost.Build();
            var store = host.Services.GetRequiredService<IAssistantVersionStore>();
            if (await FindAsync(store, parse.GetValue(id)!, cancellationToken) is not { } version)
            {
                return 2;
            }
            AnsiConsole.MarkupLine($"[bold]{Markup.Escape(version.Id)}[/] {version.Status}, by {Markup.Escape(version.CreatedBy)} at {version.CreatedAt:u}: {Markup.Escape(version.Description)}");
            Console.WriteLine(System.Text.Json.JsonSerializer.Serialize(version.Settings, new System.Text.Json.JsonSerializerOptions(VersionJson.Options) { WriteIndented = true }));
            if (version.BasedOn is { } basedOn && await store.GetAsync(basedOn, cancellationToken) is { } basis)
            {
                Print($"Changes from {basedOn}", VersionDiff.Between(basis.Settings, version.Settings));
            }
            return 0;
        });

        var from = new Argument<string>("from") { Description = "The version compared from." };
        var to = new Argument<string>("to") { Description = "The version compared to." };
        var diff = new Command("diff", "What changes from one version to another, setting by setting.") { from, to };
        diff.SetAction(async (parse, cancellationToken) =>
        {
            using var host = CliHost.Build();
            var store = host.Services.GetRequiredService<IAssistantVersionStore>();
            if (await FindAsync(store, parse.GetValue(from)!, cancellationToken) is not { } before || await FindAsync(store, parse.GetValue(to)!, cancellationToken) is not { } after)
            {
                return 2;
            }
            Print($"{before.Id} → {after.Id}", VersionDiff.Between(before.Settings, after.Settings));
            return 0;
        });

        return new Command("versions", "List, show and compare assistant versions (the app database's).") { list, show, diff };
    }

    private static async Task<AssistantVersion?> FindAsync(IAssistantVersionStore store, string id, CancellationToken cancellationToken)
    {
        var version = await store.GetAsync(id, cancellationToken);
        if (version is null)
        {
            AnsiConsole.MarkupLine($"[red]error:[/] there is no assistant version '{Markup.Escape(id)}'. Versions are: {Markup.Escape(string.Join(", ", (await store.ListAsync(cancellationToken)).Select(v => v.Id)))}.");
        }
        return version;
    }

    private static void Print(string title, IReadOnlyList<SettingChange> changes)
    {
        if (changes.Count == 0)
        {
            AnsiConsole.MarkupLine($"{Markup.Escape(title)}: no setting changes.");
            return;
        }
        var table = new Table().Title(Markup.Escape(title)).AddColumns("setting", "before", "after");
        foreach (var change in changes)
        {
            table.AddRow(Markup.Escape(change.Setting), Markup.Escape(change.Before ?? "(none)"), Markup.Escape(change.After ?? "(none)"));
        }
        AnsiConsole.Write(table);
    }
}
