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

    // The whole token after "$" (or before "dollars"), digits, letters and separators alike, so "$1e29" or a
    // 30-digit number is read as one amount and refused, never cut down to the digits that happen to fit.
    // A minus sign on either side of the "$" is kept with the number ("$-50", "-$50"), so a negative sum is refused
    // as unreadable rather than dropped, which would leave a full refund of the invoice.
    [GeneratedRegex(@"(?<minus>-\s?)?(?:\$|\bUSD\s?)\s?(-?\d[\w.,]*)|(?<minus>-\s?)?\b(\d[\w.,]*)\s?(?:dollars|usd)\b", RegexOptions.IgnoreCase)]
    private static partial Regex Amount();

    // What a person writes for a sum of money: 120, 120.50, 1,200.50.
    [GeneratedRegex(@"^(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d{1,2})?$")]
    private static partial Regex PlainAmount();

    // "Tell me what the refund exceptions article says about duplicate charges" asks about content, however much it
    // mentions refunds: it is answered from the knowledge base, never turned into a request.
    [GeneratedRegex(@"\b(?:tell me|explain|describe|summari[sz]e)\b.{0,15}\b(?:what|how|whether|why|about|if)\b(?!\s+(?:my|our)\b)|\b(?:article|policy|page|docs?|documentation|help center|guide|faq)\b.{0,60}\b(?:say|says|said|mention|mentions|cover|covers|state|states)\b|\bwhat (?:does|do|did) .{0,80}\bsay\b", RegexOptions.IgnoreCase)]
    private static partial Regex AboutContent();

    public static ProposedToolCall? Route(string message)
    {
        if (HowToQuestion().IsMatch(message) || AboutContent().IsMatch(message))
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
        var rejected = new Dictionary<string, string>(StringComparer.Ordinal);
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
                    var written = (amount.Groups["minus"].Success ? "-" : "") + (amount.Groups[1].Success ? amount.Groups[1].Value : amount.Groups[2].Value).TrimEnd('.', ',');
                    if (PlainAmount().IsMatch(written) && decimal.TryParse(written.Replace(",", ""), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value))
                    {
                        arguments["amount"] = value;
                    }
                    else
                    {
                        rejected["amount"] = $"\"{Shorten(written)}\" is not an amount I can read. Write it in dollars and cents, such as $120 or $1,200.50.";
                    }
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
        return new ProposedToolCall(tool, arguments, missing, "router") { Rejected = rejected };

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

    private static string Shorten(string text) => text.Length <= 24 ? text : text[..24] + "…";

    private static string Capitalise(string plan) => char.ToUpperInvariant(plan[0]) + plan[1..].ToLowerInvariant();
}
