using System.Text.Json.Serialization;
using Assistant.Web;
using Assistant.Web.Actions;
using Assistant.Web.Auth;
using Assistant.Web.Budgets;
using Assistant.Web.ContentReview;
using Assistant.Web.Conversations;
using Assistant.Web.Feedback;
using Assistant.Web.Handoffs;
using Assistant.Web.Health;
using Assistant.Web.Insights;
using Assistant.Web.Knowledge;
using Assistant.Web.Launch;
using Assistant.Web.Monitoring;
using Assistant.Web.OpenAICompatible;
using Assistant.Web.Operations;
using Assistant.Web.Privacy;
using Assistant.Web.Releases;
using Assistant.Web.Search;
using Assistant.Web.Storage;

// appsettings.json sits beside the binary; relative data paths (knowledge/, data/) resolve from the working
// directory, which `dotnet run` sets to the repository root (RunWorkingDirectory in the .csproj).
var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });

builder.Services.AddProblemDetails();
builder.Services.AddOpenApi();
builder.Services.ConfigureHttpJsonOptions(options => options.SerializerOptions.Converters.Add(new JsonStringEnumConverter()));
builder.AddMonitoring();
builder.AddPrivacy();
builder.AddStorage();
builder.AddAuth();
builder.AddKnowledge();
builder.AddSearch();
builder.AddContentReview();
builder.AddConversations();
builder.AddHandoffs();
builder.AddActions();
builder.AddFeedback();
builder.AddBudgets();
builder.AddOperations();
builder.AddLaunch();
builder.AddVersions();
builder.AddReleases();
builder.AddInsights();
builder.AddUi();

var app = builder.Build();

app.UseExceptionHandler();
app.UseStatusCodePages();
app.UseNotFoundPage();
app.UseAuthentication();
app.UseAuthorization();
app.UseAntiforgery();
app.MapOpenApi();
app.MapMonitoring();
app.MapAuth();
app.MapKnowledgeStatus();
app.MapProbes();
app.MapContentReview();
app.MapSearch();
app.MapConversations();
app.MapHandoffs();
app.MapActions();
app.MapFeedback();
app.MapBudgets();
app.MapOperations();
app.MapLaunch();
app.MapVersions();
app.MapReleases();
app.MapInsights();
app.MapChatCompletions();
app.MapUi();

app.Run();

/// <summary>Visible to WebApplicationFactory in tests.</summary>
public partial class Program;
