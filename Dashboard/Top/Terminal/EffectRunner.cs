using System.Threading.Channels;
using Dashboard.Top.Polling;
using Dashboard.Top.Update;
using HAProxy.Admin;
using HAProxy.Sockets;

namespace Dashboard.Top.Terminal;

/// <summary>Runs the I/O an update asked for (admin commands, CLI lines) and posts HAProxy's reply back.</summary>
public sealed class EffectRunner
{
    private readonly IReadOnlyDictionary<string, (IStatsConnection Connection, NodePoller Poller)> _nodes;
    private readonly ChannelWriter<TopMessage> _output;

    public EffectRunner(IReadOnlyDictionary<string, (IStatsConnection, NodePoller)> nodes, ChannelWriter<TopMessage> output)
    {
        _nodes = nodes;
        _output = output;
    }

    /// <summary>Starts the effect without blocking the UI loop; the outcome arrives as a message.</summary>
    public void Start(TopEffect effect, CancellationToken cancellationToken) => _ = effect switch
    {
        RunAdminCommand admin => RunAdminAsync(admin, cancellationToken),
        RunCliCommand cli => RunCliAsync(cli, cancellationToken),
        _ => Task.CompletedTask,
    };

    private async Task RunAdminAsync(RunAdminCommand effect, CancellationToken cancellationToken)
    {
        if (!_nodes.TryGetValue(effect.Endpoint, out var node))
        {
            return;
        }
        TopMessage reply;
        try
        {
            var result = await new AdminClient(node.Connection).ExecuteAsync(effect.Command, cancellationToken).ConfigureAwait(false);
            reply = new AdminReplied(effect.Endpoint, effect.Command, result.Succeeded, result.Reply);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return;
        }
        catch (Exception ex)
        {
            reply = new AdminReplied(effect.Endpoint, effect.Command, false, ex.Message);
        }
        _output.TryWrite(reply);
        node.Poller.PollNow();
    }

    private async Task RunCliAsync(RunCliCommand effect, CancellationToken cancellationToken)
    {
        if (!_nodes.TryGetValue(effect.Endpoint, out var node))
        {
            _output.TryWrite(new CliReplied(effect.Endpoint, effect.Command, "no such node", Failed: true));
            return;
        }
        TopMessage reply;
        try
        {
            reply = new CliReplied(effect.Endpoint, effect.Command, await node.Connection.ExecuteAsync(effect.Command, cancellationToken).ConfigureAwait(false), Failed: false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return;
        }
        catch (Exception ex)
        {
            reply = new CliReplied(effect.Endpoint, effect.Command, ex.Message, Failed: true);
        }
        _output.TryWrite(reply);
        node.Poller.PollNow();
    }
}
