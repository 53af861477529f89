namespace Assistant.Web.Components.Insights;

/// <summary>
/// A vertical line on a line chart at <see cref="Position"/> (a point's index; fractions fall between days), such as a
/// release rolled back or promoted. <see cref="Kind"/> is its CSS class, <see cref="Label"/> its tooltip.
/// </summary>
public sealed record ChartMarker(double Position, string Kind, string Label);
