using Assistant.Core.Answers;
using Spectre.Console;

namespace Assistant.Cli;

internal static class AnswerPrinter
{
    public static void Print(Answer answer)
    {
        if (answer.Notice is not null)
        {
            AnsiConsole.MarkupLine($"[yellow]{Markup.Escape(answer.Notice)}[/]");
        }
        AnsiConsole.WriteLine(answer.Text);
        foreach (var sentence in answer.Sentences.Where(s => !s.Supported))
        {
            AnsiConsole.MarkupLine($"[red]unverified:[/] {Markup.Escape(sentence.Text)} ({Markup.Escape(string.Join("; ", sentence.Problems))})");
        }
        foreach (var citation in answer.Sentences.SelectMany(s => s.Citations).DistinctBy(c => c.Passage).OrderBy(c => c.Passage))
        {
            AnsiConsole.MarkupLine($"[grey][[{citation.Passage}]] {Markup.Escape(citation.Title)} ({Markup.Escape(citation.DocumentId)}, characters {citation.SourceStart}-{citation.SourceEnd}), support {citation.Score:F2}[/]");
        }
        foreach (var suggestion in answer.Suggestions)
        {
            AnsiConsole.MarkupLine($"[grey]related: {Markup.Escape(suggestion.Title)} ({Markup.Escape(suggestion.DocumentId)})[/]");
        }
        AnsiConsole.MarkupLine($"[grey]{answer.Outcome} · {answer.Generator} ({Markup.Escape(answer.Model ?? "-")}) · confidence {answer.Confidence:F2}: {Markup.Escape(answer.ConfidenceReason)} · trace {answer.TraceId}[/]");
    }
}
