namespace Assistant.Core.Actions.Planning;

/// <summary>The tools of the demo backoffice, by the names the model and the router use.</summary>
public static class ToolNames
{
    public const string LookUpSubscription = "look_up_subscription";
    public const string LookUpInvoice = "look_up_invoice";
    public const string LookUpOrders = "look_up_orders";
    public const string OpenTicket = "open_ticket";
    public const string ChangePlan = "change_plan";
    public const string RequestRefund = "request_refund";
    public const string ResetTwoFactor = "reset_two_factor";
}
