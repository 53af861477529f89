using System.Net;
using System.Net.Sockets;

namespace Assistant.Web.Tests.Storage;

/// <summary>
/// A TCP relay on 127.0.0.1 to another port: a host pointed at it reaches the server until <see cref="CutAsync"/>,
/// which closes the listener and every relayed connection, as a stopped server or a network split would.
/// </summary>
internal sealed class TcpForwarder : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly List<TcpClient> _connections = [];
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _accepting;

    public TcpForwarder(string targetHost, int targetPort)
    {
        _listener.Start();
        _accepting = AcceptAsync(targetHost, targetPort);
    }

    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    public async Task CutAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        lock (_connections)
        {
            foreach (var connection in _connections)
            {
                connection.Client.Close(0);
            }
        }
        try
        {
            await _accepting;
        }
        catch (Exception error) when (error is OperationCanceledException or SocketException or ObjectDisposedException)
        {
            // Stopping the listener ends the accept loop with one of these.
        }
    }

    private async Task AcceptAsync(string targetHost, int targetPort)
    {
        while (!_stop.IsCancellationRequested)
        {
            var client = await _listener.AcceptTcpClientAsync(_stop.Token);
            var server = new TcpClient();
            await server.ConnectAsync(targetHost, targetPort, _stop.Token);
            lock (_connections)
            {
                _connections.Add(client);
                _connections.Add(server);
            }
            _ = Pump(client, server);
            _ = Pump(server, client);
        }
    }

    private static async Task Pump(TcpClient from, TcpClient to)
    {
        try
        {
            await from.GetStream().CopyToAsync(to.GetStream());
        }
        catch (Exception error) when (error is IOException or ObjectDisposedException or SocketException)
        {
            // The other side went away (or was cut): the relay of this connection ends.
        }
        to.Client.Close(0);
    }

    public async ValueTask DisposeAsync()
    {
        if (!_stop.IsCancellationRequested)
        {
            await CutAsync();
        }
        _stop.Dispose();
    }
}
