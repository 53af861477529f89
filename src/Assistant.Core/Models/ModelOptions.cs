using System.ComponentModel.DataAnnotations;

namespace Assistant.Core.Models;

/// <summary>Price of one model in US dollars per million tokens.</summary>
public sealed class ModelPrice
{
    [Range(0, 10_000)]
    public decimal InputPerMillion { get; set; }

    [Range(0, 10_000)]
    public decimal OutputPerMillion { get; set; }
}

/// <summary>
/// The generative model (section "Assistant:Model"). With no Model set, the assistant answers with the offline
/// extractive generator; set Endpoint and Model (and ApiKey for hosted services) to use any OpenAI-compatible server.
/// </summary>
public sealed class ModelOptions
{
    public const string SectionName = "Assistant:Model";

    /// <summary>Base address, e.g. http://127.0.0.1:11434/v1 (Ollama); empty means api.openai.com.</summary>
    public Uri? Endpoint { get; set; }

    /// <summary>Model name, e.g. gpt-4o-mini or llama3.1; empty means no model (offline extractive answers).</summary>
    public string? Model { get; set; }

    public string? ApiKey { get; set; }

    /// <summary>Per-attempt time limit for a model call.</summary>
    [Range(1, 600)]
    public int TimeoutSeconds { get; set; } = 30;

    /// <summary>Retries after a 429, 5xx, timeout or malformed reply, before falling back to the extractive answer.</summary>
    [Range(0, 10)]
    public int MaxRetries { get; set; } = 2;

    /// <summary>First retry delay; later ones double (with jitter) unless the server sends Retry-After.</summary>
    [Range(0, 60_000)]
    public int RetryDelayMilliseconds { get; set; } = 500;

    /// <summary>Tokenizer for exact counts when the provider reports none: o200k_base (GPT-4o family) or cl100k_base.</summary>
    public string Encoding { get; set; } = "o200k_base";

    /// <summary>Prices per model name; a model missing here costs 0 and is logged as unpriced.</summary>
    public Dictionary<string, ModelPrice> Prices { get; set; } = new(StringComparer.OrdinalIgnoreCase)
    {
        ["gpt-4o-mini"] = new() { InputPerMillion = 0.15m, OutputPerMillion = 0.60m },
        ["gpt-4o"] = new() { InputPerMillion = 2.50m, OutputPerMillion = 10.00m },
    };

    /// <summary>
    /// Cheaper models on the same endpoint, in order, that answer when the budget no longer covers <see cref="Model"/>
    /// (priced from <see cref="Prices"/>); after the last one, answers are extractive and tool planning uses the router.
    /// </summary>
    public List<string> Fallbacks { get; set; } = [];

    public bool IsConfigured => !string.IsNullOrWhiteSpace(Model);
}
