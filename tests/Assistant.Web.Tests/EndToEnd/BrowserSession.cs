using System.Text;
using Microsoft.Playwright;

namespace Assistant.Web.Tests.EndToEnd;

/// <summary>One person's browser: its own context (cookies) and page. Disposing closes both.</summary>
public sealed class BrowserSession(IBrowserContext context, IPage page) : IAsyncDisposable
{
    public IBrowserContext Context { get; } = context;

    public IPage Page { get; } = page;

    /// <summary>Signs in through the /signin form, as a person would.</summary>
    public async Task SignInAsync(string username, string password)
    {
        await Page.GotoAsync("/signin");
        await Page.Locator("#username").FillAsync(username);
        await Page.Locator("#password").FillAsync(password);
        await Page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
    }

    /// <summary>
    /// Opens the chat page and waits until it is interactive: the page focuses the composer from its first interactive
    /// render, so before that, typed text would never reach the server.
    /// </summary>
    public async Task<ILocator> OpenChatAsync()
    {
        if (!Page.Url.EndsWith("/chat", StringComparison.Ordinal))
        {
            await Page.GotoAsync("/chat");
        }
        var question = Page.Locator("#question");
        await Assertions.Expect(question).ToBeFocusedAsync();
        return question;
    }

    /// <summary>Types a question and presses Enter (once the Send button has noticed the text).</summary>
    public async Task AskAsync(string text)
    {
        var question = await OpenChatAsync();
        await question.PressSequentiallyAsync(text);
        await Assertions.Expect(Page.GetByRole(AriaRole.Button, new() { Name = "Send" })).ToBeEnabledAsync();
        await question.PressAsync("Enter");
    }

    /// <summary>
    /// Opens an interactive (Blazor server) page and waits for its first render over the circuit: until then the page is
    /// only prerendered HTML, and clicks on its buttons go nowhere.
    /// </summary>
    public Task GotoInteractiveAsync(string path) => WhileBecomingInteractiveAsync(path, () => Page.GotoAsync(path));

    /// <summary>
    /// Opens the page a link in the main navigation points at and waits for it to become interactive. It loads the
    /// link's address rather than clicking: a click is an enhanced navigation over the circuit the previous page already
    /// opened, with no new socket to watch, and a form filled before the first interactive render is silently lost.
    /// </summary>
    public async Task FollowNavigationAsync(string linkName)
    {
        var link = Page.GetByRole(AriaRole.Navigation).GetByRole(AriaRole.Link, new() { Name = linkName, Exact = true });
        var href = await link.GetAttributeAsync("href") ?? throw new InvalidOperationException($"The navigation link {linkName} has no address.");
        await GotoInteractiveAsync(href);
    }

    private async Task WhileBecomingInteractiveAsync(string what, Func<Task> navigate)
    {
        var rendered = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        void OnSocket(object? sender, IWebSocket socket)
        {
            if (socket.Url.Contains("/_blazor", StringComparison.Ordinal))
            {
                socket.FrameReceived += (_, frame) =>
                {
                    if (IsRenderBatch(frame))
                    {
                        rendered.TrySetResult();
                    }
                };
            }
        }
        Page.WebSocket += OnSocket;
        try
        {
            await navigate();
            await rendered.Task.WaitAsync(TimeSpan.FromSeconds(15));
        }
        catch (TimeoutException)
        {
            throw new TimeoutException($"{what} did not become interactive within 15 s (no render batch over the Blazor circuit).");
        }
        finally
        {
            Page.WebSocket -= OnSocket;
        }
    }

    // The server's render batches name their client method in the (MessagePack or JSON) frame.
    private static bool IsRenderBatch(IWebSocketFrame frame) =>
        (frame.Text ?? Encoding.UTF8.GetString(frame.Binary ?? [])).Contains("JS.RenderBatch", StringComparison.Ordinal);

    public async ValueTask DisposeAsync() => await Context.CloseAsync();
}
