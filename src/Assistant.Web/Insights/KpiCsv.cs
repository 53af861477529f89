using System.Globalization;
using System.Text;
using Assistant.Core.Insights;

namespace Assistant.Web.Insights;

/// <summary>
/// The KPIs as CSV (RFC 4180): one row per KPI for the whole period, then one per KPI and day. Values are raw (a share
/// as 0..1, latency in ms, cost in USD) so a spreadsheet can chart them; empty means no data. Budget accounts follow
/// as rows of kpi "budget-burn": the share of the limit used in the account's own current period.
/// </summary>
public static class KpiCsv
{
    public const string Header = "kpi,name,period,value,unit,status,target_envelope";

    public static string Write(InsightsReport report)
    {
        var csv = new StringBuilder().Append(Header).Append("\r\n");
        var period = $"{report.From:yyyy-MM-dd}..{report.To:yyyy-MM-dd}";
        foreach (var kpi in report.Kpis)
        {
            Row(csv, kpi.Id, kpi.Name, period, kpi.Value, kpi.Unit, kpi.Status.ToString(), kpi.TargetEnvelope);
        }
        foreach (var kpi in report.Kpis)
        {
            foreach (var point in kpi.Trend)
            {
                Row(csv, kpi.Id, kpi.Name, point.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), point.Value, kpi.Unit, "", kpi.TargetEnvelope);
            }
        }
        foreach (var burn in report.BudgetBurn)
        {
            Row(csv, "budget-burn", $"{burn.Scope} ({burn.Key})", burn.Period, burn.Utilization, "share", "", $"limit {burn.Limit.ToString(CultureInfo.InvariantCulture)} {burn.Unit}");
        }
        return csv.ToString();
    }

    private static void Row(StringBuilder csv, string id, string name, string period, double? value, string unit, string status, string target)
    {
        string[] fields = [id, name, period, value?.ToString("R", CultureInfo.InvariantCulture) ?? "", unit, status, target];
        csv.AppendJoin(',', fields.Select(Escape)).Append("\r\n");
    }

    // Quoted when it holds a separator, quote or line break; a leading = + @ is prefixed so a spreadsheet never runs it as a formula.
    private static string Escape(string field)
    {
        if (field.Length > 0 && field[0] is '=' or '+' or '@' && !double.TryParse(field, CultureInfo.InvariantCulture, out _))
        {
            field = "'" + field;
        }
        return field.IndexOfAny([',', '"', '\r', '\n']) >= 0 ? "\"" + field.Replace("\"", "\"\"") + "\"" : field;
    }
}
