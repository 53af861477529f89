using Assistant.Core.Knowledge;
using Assistant.Core.Monitoring;
using Assistant.Core.Retrieval;
using Assistant.Core.Retrieval.Vectors;

namespace Assistant.Web.Monitoring;

/// <summary>
/// Ingest and embedding progress as gauges on the product meter, read from the same state /api/health shows staff:
/// how much of the index is searchable by meaning yet, and whether an ingest is running.
/// </summary>
public sealed class IndexGauges
{
    public IndexGauges(ProductMetrics metrics, KnowledgeIndex index, KnowledgeBase knowledge, VectorBackfill vectors)
    {
        var meter = metrics.Meter;
        meter.CreateObservableGauge("assistant.index.documents", () => index.Current.DocumentCount, description: "Documents in the served index.");
        meter.CreateObservableGauge("assistant.index.chunks", () => index.Current.Chunks.Count, description: "Passages in the served index.");
        meter.CreateObservableGauge("assistant.ingest.running", () => knowledge.IsIngesting ? 1 : 0, description: "1 while an ingest runs.");
        meter.CreateObservableGauge("assistant.embedding.embedded", () => vectors.Status.Embedded, description: "Passages with a vector.");
        meter.CreateObservableGauge("assistant.embedding.total", () => vectors.Status.Total, description: "Passages that need a vector.");
        meter.CreateObservableGauge("assistant.embedding.progress", () => vectors.Status.Fraction, description: "Share of passages with a vector (1 when done).");
    }
}
