using System.Text.RegularExpressions;
using Assistant.Core.Knowledge.Ingestion;
using Assistant.Core.Storage;
using Assistant.Core.Text;

namespace Assistant.Core.Knowledge.Screening;

/// <summary>
/// Finds sentences in article text that address the assistant or try to instruct it: notes "for the AI", attempts to
/// override instructions, chat role markers, and imperatives about what to say when asked. Help text that merely
/// mentions the assistant ("The assistant can help you reset your password") is not flagged: the patterns need an
/// address, an override, a role marker or a directive. Tested against every article in knowledge/ (none flagged).
/// </summary>
public static partial class InstructionDetector
{
    private const string Target = @"(?:ai|a\.i\.|assistant|ai[- ]assistant|virtual assistant|chat ?bot|llm|large language model|language model|ai model|gpt|chatgpt|copilot|claude|gemini|bot reading this|model reading this)s?";

    private static readonly (Regex Pattern, string Reason)[] Patterns =
    [
        (new Regex($@"\b(?:note|notes|message|instruction|instructions|reminder|attention|hint|memo|directive|directions|prompt|info|information)\s+(?:for|to)\s+(?:the\s+|any\s+|all\s+|an?\s+|our\s+|your\s+)?{Target}\b", Options),
            "addresses the assistant"),
        (new Regex($@"(?:^|[\s*_>(\[""“])(?:dear|hey|hi|hello|attention|attn|to|for)\s*,?\s+(?:the\s+|any\s+|an?\s+)?{Target}\s*[,:!—–]", Options),
            "addresses the assistant"),
        (new Regex($@"^[\s*_>#-]*(?:the\s+)?{Target}\s*[,:]\s+\S", Options),
            "addresses the assistant"),
        (new Regex($@"\b(?:if|when|since)\s+you\s+are\s+(?:an?\s+|the\s+)?{Target}\b|\b(?:any|every|all)\s+{Target}\s+(?:reading|processing|summari[sz]ing|answering)\b", Options),
            "addresses the assistant"),
        (new Regex(@"\b(?:ignore|disregard|forget|override|bypass|skip|drop)\s+(?:all\s+|any\s+|the\s+|your\s+|every\s+|of\s+)*(?:previous|prior|earlier|above|preceding|former|existing|original|system|other|safety|your|these|those)\s+(?:\w+\s+)?(?:instructions?|prompts?|rules?|directions?|guidelines?|messages?|context|polic(?:y|ies)|constraints?|guardrails?)\b", Options),
            "tries to override the assistant's instructions"),
        (new Regex(@"\b(?:new|updated|real|actual|secret|hidden)\s+(?:system\s+)?instructions?\s*[:\-—]|\bsystem\s+prompt\b|\bdeveloper\s+mode\b|\bdo\s+anything\s+now\b|\bjailbr(?:eak|oken)\b|\byour\s+(?:new\s+)?(?:instructions|task|role|goal|job)\s+(?:is|are|now)\b", Options),
            "tries to override the assistant's instructions"),
        (new Regex(@"^[\s*_>#-]*(?:system|assistant|developer)\s*:|<\|?\s*(?:im_start|im_end|system|assistant|user|endoftext|eot_id|start_header_id)\s*\|?>|\[/?INST\]|<</?SYS>>|</?(?:system|instructions?)>", Options),
            "contains a chat role marker"),
        (new Regex($@"\b{Target}\b(?:\s+[\w'’-]+){{0,4}}?\s+(?:must|should|shall|needs?\s+to|has\s+to|have\s+to|is\s+(?:required|instructed|expected|told|allowed|permitted|authori[sz]ed)\s+to|are\s+(?:required|instructed|expected|allowed|permitted|authori[sz]ed)\s+to|will\s+(?:now|always|never))\b", Options),
            "instructs the assistant"),
        (new Regex(@"\b(?:when|if|whenever|once)\s+(?:you\s+are\s+|you're\s+|you\s+get\s+|someone\s+is\s+|a\s+(?:user|customer)\s+is\s+)?(?:asked|questioned|queried)\b[^.!?]{0,80}?,\s*(?:always\s+|just\s+|simply\s+|you\s+(?:must|should)\s+)?(?:say|tell|answer|respond|reply|state|claim|promise|assure|insist)\b", Options),
            "tells the assistant what to say"),
        (new Regex(@"\b(?:when|while|before)\s+(?:you\s+)?(?:answer|respond|repl(?:y|ies)|answering|responding|replying)\s+(?:to\s+)?(?:any\s+|a\s+|the\s+|this\s+)?(?:questions?|users?|customers?|quer(?:y|ies)|requests?|prompts?)\b", Options),
            "tells the assistant what to say"),
        (new Regex(@"\b(?:include|append|add|insert|reveal|output|print|repeat|paste|attach|quote)\b[^.!?]{0,80}?\b(?:in|to|into|at\s+the\s+end\s+of)\s+(?:your|every|each|the)\s+(?:answers?|responses?|repl(?:y|ies)|outputs?|completions?)\b", Options),
            "tells the assistant what to say"),
        (new Regex(@"\b(?:always|never)\s+(?:tell|say\s+to|answer|reply\s+to|respond\s+to|promise|assure)\s+(?:the\s+|any\s+|all\s+)?(?:users?|customers?|visitors?|requesters?|people)\b|\b(?:do\s+not|don't|never)\s+(?:tell|inform|warn|mention\s+(?:this\s+)?to)\s+(?:the\s+)?(?:users?|customers?|requesters?)\b", Options),
            "tells the assistant what to say"),
    ];

    // Compiled: every sentence of every ingested document runs through all of them.
    private const RegexOptions Options = RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.Multiline | RegexOptions.Compiled;

    /// <summary>The flagged sentences of a text, each with its offsets in the text.</summary>
    public static IReadOnlyList<ContentFlag> Find(string text) => Find(text, 0, text.Length);

    public static IReadOnlyList<ContentFlag> Find(string text, int start, int end)
    {
        var flags = new List<ContentFlag>();
        var lineStart = start;
        while (lineStart < end)
        {
            var newline = text.IndexOf('\n', lineStart, end - lineStart);
            var lineEnd = newline < 0 ? end : newline;
            foreach (var sentence in SentenceSplitter.Split(text, lineStart, lineEnd))
            {
                var (from, to) = (sentence.Start.Value, sentence.End.Value);
                if (flags.Count > 0 && flags[^1].End >= to)
                {
                    continue;
                }
                if (Reason(text[from..to]) is { } reason)
                {
                    // A note that ends in a colon ("Note for the AI:") introduces what follows: flag the paragraph.
                    var until = text.AsSpan(from, to - from).TrimEnd().EndsWith(":") ? ParagraphEnd(text, to, end) : to;
                    flags.Add(new ContentFlag(from, until, Blanking.LineOf(text, from), reason, HashOf(text[from..until])));
                }
            }
            lineStart = lineEnd + 1;
        }
        return flags;
    }

    /// <summary>Why a sentence is flagged, or null when it is ordinary text.</summary>
    public static string? Reason(string sentence)
    {
        var plain = sentence.Replace("**", "").Replace("__", "").Replace("`", "");
        foreach (var (pattern, reason) in Patterns)
        {
            if (pattern.IsMatch(plain))
            {
                return reason;
            }
        }
        return null;
    }

    /// <summary>Identifies a flagged sentence by its words, ignoring how whitespace wraps it.</summary>
    public static string HashOf(string sentence)
    {
        var normalized = string.Join(' ', sentence.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        return ContentHash.Of(normalized)[..16];
    }

    private static int ParagraphEnd(string text, int from, int end)
    {
        var blank = text.IndexOf("\n\n", from, end - from, StringComparison.Ordinal);
        return WhiteSpace.TrimEnd(text, from, blank < 0 ? end : blank);
    }
}
