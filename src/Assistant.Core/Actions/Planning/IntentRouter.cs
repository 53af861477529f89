using System.Globalization;
using System.Text.RegularExpressions;
using Assistant.Core.Backoffice;

namespace Assistant.Core.Actions.Planning;

/// <summary>
/// The offline planner: recognises a request for an action in the user's own message (example phrasings per tool)
/// and reads its arguments (invoice numbers, amounts, plan names, billing cycle). It sees only what the user typed,
/// never retrieved documents, so instructions hidden in an article cannot plan an action; and it only proposes.
/// </summary>
public static partial class IntentRouter
{
    // Order matters: the first match wins, so specific requests come before general look-ups.
    private static readonly (string Tool, Regex Pattern)[] Intents =
    [
        (ToolNames.ResetTwoFactor, new Regex(@"\b(reset|disable|remove|turn off|lost)\b.{0,40}\b(2fa|two[- ]factor|authenticator|mfa)\b|\b(2fa|two[- ]factor|mfa)\b.{0,30}\breset", RegexOptions.IgnoreCase)),
        (ToolNames.RequestRefund, new Regex(@"\b(refund|money back|reimburse|charge ?back)\b", RegexOptions.IgnoreCase)),
        (ToolNames.ChangePlan, new Regex(@"\b(upgrade|downgrade|switch|change|move)\b.{0,40}\b(plan|free|starter|team|business|enterprise|annual|monthly)\b", RegexOptions.IgnoreCase)),
        (ToolNames.OpenTicket, new Regex(@"\b(open|create|file|raise|submit)\b.{0,20}\b(ticket|support request|case)\b|\bcontact support\b", RegexOptions.IgnoreCase)),
        (ToolNames.LookUpInvoice, new Regex(@"\b(my|our|the)\b.{0,20}\binvoices?\b|\bINV-\d{4}-\d{4}\b", RegexOptions.IgnoreCase)),
        (ToolNames.LookUpOrders, new Regex(@"\b(my|our)\b.{0,20}\b(orders?|purchases?)\b", RegexOptions.IgnoreCase)),
        (ToolNames.LookUpSubscription, new Regex(@"\b(my|our)\b.{0,20}\b(subscription|plan|seats?|renewal)\b", RegexOptions.IgnoreCase)),
    ];

    [GeneratedRegex(@"\bINV-\d{4}-\d{4}\b", RegexOptions.IgnoreCase)]
    private static partial Regex InvoiceNumber();

    // "How do I get a refund?" asks how something works; the answer explains it. A request says what to do.
    [GeneratedRegex(@"^\W*(how|why|when|what happens|what does|what do|what is the|is there|are there|does|do you)\b", RegexOptions.IgnoreCase)]
    private static partial Regex HowToQuestion();

    [GeneratedRegex(@"(?:\$|USD\s?)\s?(\d{1,6}(?:,\d{3})*(?:\.\d{1,2})?)|(\d{1,6}(?:\.\d{1,2})?)\s?(?:dollars|usd)\b", RegexOptions.IgnoreCase)]
    private static partial Regex Amount();

    public static ProposedToolCall? Route(string message)
    {
        if (HowToQuestion().IsMatch(message))
        {
            return null;
        }
        var intent = Intents.FirstOrDefault(i => i.Pattern.IsMatch(message));
        return intent.Tool is null ? null : Build(intent.Tool, message);
    }

    private static ProposedToolCall Build(string tool, string message)
    {
        var arguments = new Dictionary<string, object?>(StringComparer.Ordinal);
        var missing = new List<string>();
        var invoice = InvoiceNumber().Match(message);
        switch (tool)
        {
            case ToolNames.LookUpInvoice when invoice.Success:
                arguments["invoice"] = invoice.Value.ToUpperInvariant();
                break;
            case ToolNames.RequestRefund:
                Require("invoice", invoice.Success ? invoice.Value.ToUpperInvariant() : null);
                var amount = Amount().Match(message);
                if (amount.Success)
                {
                    var digits = (amount.Groups[1].Success ? amount.Groups[1].Value : amount.Groups[2].Value).Replace(",", "");
                    arguments["amount"] = decimal.Parse(digits, CultureInfo.InvariantCulture);
                }
                break;
            case ToolNames.ChangePlan:
                // The plan after "to" is the target ("from Team to Business"); otherwise the last plan named.
                var target = Regex.Match(message, @"\bto\s+(?:the\s+)?(free|starter|team|business|enterprise)\b", RegexOptions.IgnoreCase);
                var named = PlanCatalog.PlanNames.Where(plan => Regex.IsMatch(message, $@"\b{plan}\b", RegexOptions.IgnoreCase)).ToList();
                Require("plan", target.Success ? Capitalise(target.Groups[1].Value) : named.LastOrDefault());
                if (Regex.IsMatch(message, @"\b(annual|yearly|annually)\b", RegexOptions.IgnoreCase))
                {
                    arguments["cycle"] = "annual";
                }
                else if (Regex.IsMatch(message, @"\bmonthly\b", RegexOptions.IgnoreCase))
                {
                    arguments["cycle"] = "monthly";
                }
                break;
            case ToolNames.OpenTicket:
                arguments["subject"] = message.Length <= 80 ? message.Trim() : message[..80].Trim() + "…";
                arguments["body"] = message.Trim();
                break;
        }
        return new ProposedToolCall(tool, arguments, missing, "router");

        void Require(string name, string? value)
        {
            if (value is null)
            {
                missing.Add(name);
            }
            else
            {
                arguments[name] = value;
            }
        }
    }

    private static string Capitalise(string plan) => char.ToUpperInvariant(plan[0]) + plan[1..].ToLowerInvariant();
}
