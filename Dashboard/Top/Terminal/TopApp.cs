using System.Runtime.InteropServices;
using System.Text;
using System.Threading.Channels;
using Dashboard.Top.Model;
using Dashboard.Top.Polling;
using Dashboard.Top.Update;
using Dashboard.Top.View;
using HAProxy.Sockets;
using Spectre.Console;

namespace Dashboard.Top.Terminal;

/// <summary>
/// The interactive loop: one inbox for keys, snapshots and replies; each batch of messages goes through the
/// pure update, then the view is drawn once with Spectre's Live display. Redraws only when something
/// arrived. On a size change Live is restarted with a cleared screen (Live cannot shrink its area).
/// </summary>
public sealed class TopApp
{
    private readonly TopOptions _options;
    private readonly Func<StatsEndpoint, IStatsConnection> _connect;
    private readonly TimeProvider _time;

    public TopApp(TopOptions options, Func<StatsEndpoint, IStatsConnection>? connect = null, TimeProvider? time = null)
    {
        _options = options;
        _connect = connect ?? (endpoint => new StatsSession(endpoint, new StatsSessionOptions()));
        _time = time ?? TimeProvider.System;
    }

    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        if (Console.IsInputRedirected || Console.IsOutputRedirected)
        {
            await Console.Error.WriteLineAsync("dashboard top needs a terminal (stdin and stdout must not be redirected).");
            return 2;
        }
        Console.OutputEncoding = Encoding.UTF8;
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var inbox = Channel.CreateUnbounded<TopMessage>(new UnboundedChannelOptions { SingleReader = true });
        var (nodes, polls) = StartPollers(inbox.Writer, stop.Token);
        var effects = new EffectRunner(nodes, inbox.Writer);
        ConsoleCancelEventHandler onCancel = (_, e) =>
        {
            e.Cancel = true;
            inbox.Writer.TryWrite(new Quit());
        };
        Console.CancelKeyPress += onCancel;
        using var resize = OperatingSystem.IsWindows()
            ? null
            : PosixSignalRegistration.Create(PosixSignal.SIGWINCH, _ => inbox.Writer.TryWrite(new Resized(0, 0)));
        KeyReader.Start(inbox.Writer, stop.Token);

        // One buffered writer, flushed once per frame: Spectre writes many small pieces, each a syscall otherwise.
        await using var output = new StreamWriter(Console.OpenStandardOutput(), new UTF8Encoding(false), 1 << 16) { AutoFlush = false };
        var console = CreateConsole(output);
        var model = TopModel.Create(nodes.Keys, _options.Mode, _options.ReadOnly, _options.ProxyFilter);
        try
        {
            while (!model.QuitRequested && !stop.IsCancellationRequested)
            {
                model = await RunLiveAsync(console, output, inbox.Reader, effects, model, stop.Token);
                await output.FlushAsync(CancellationToken.None);
            }
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
        }
        finally
        {
            Console.CancelKeyPress -= onCancel;
            await stop.CancelAsync();
            await Task.WhenAll(polls).ContinueWith(static _ => { }, TaskScheduler.Default);
            foreach (var (connection, _) in nodes.Values)
            {
                await connection.DisposeAsync();
            }
        }
        return 0;
    }

    /// <summary>One serialized session and one poller task per endpoint, all posting to the inbox.</summary>
    private (Dictionary<string, (IStatsConnection, NodePoller)> Nodes, List<Task> Polls) StartPollers(ChannelWriter<TopMessage> inbox, CancellationToken stop)
    {
        var nodes = new Dictionary<string, (IStatsConnection, NodePoller)>(StringComparer.Ordinal);
        var polls = new List<Task>();
        foreach (var endpoint in _options.Endpoints)
        {
            var name = endpoint.ToString();
            var connection = new SerializedStatsConnection(_connect(endpoint));
            var poller = new NodePoller(connection, name, _options.Interval, inbox, _time);
            nodes[name] = (connection, poller);
            polls.Add(Task.Run(() => poller.RunAsync(stop), stop));
        }
        return (nodes, polls);
    }

    private static IAnsiConsole CreateConsole(StreamWriter output) => AnsiConsole.Create(new AnsiConsoleSettings
    {
        Out = new AnsiConsoleOutput(output),
        Ansi = AnsiSupport.Yes,
        ColorSystem = ColorSystemSupport.Detect,
        Interactive = InteractionSupport.Yes,
    });

    /// <summary>
    /// One Live display at the terminal's current size: draws the model, then applies each batch of messages and
    /// redraws, until the size changes (Live cannot shrink its area, so the caller starts a new one) or quit.
    /// </summary>
    private static async Task<TopModel> RunLiveAsync(IAnsiConsole console, StreamWriter output, ChannelReader<TopMessage> inbox,
        EffectRunner effects, TopModel model, CancellationToken stop)
    {
        var current = TopUpdate.Apply(model, new Resized(Console.WindowWidth, ScreenHeight())).Model;
        console.Profile.Width = Console.WindowWidth;
        console.Profile.Height = Console.WindowHeight;
        console.Clear();
        await console.Live(SpectreScreen.ToRenderable(ScreenRenderer.Render(current)))
            .AutoClear(true)
            .Overflow(VerticalOverflow.Crop)
            .Cropping(VerticalOverflowCropping.Bottom)
            .StartAsync(async context =>
            {
                await output.FlushAsync(stop);
                while (await inbox.WaitToReadAsync(stop))
                {
                    var restart = ApplyBatch(inbox, effects, ref current, stop);
                    restart |= Console.WindowWidth != current.Width || ScreenHeight() != current.Height;
                    if (restart || current.QuitRequested)
                    {
                        return;
                    }
                    context.UpdateTarget(SpectreScreen.ToRenderable(ScreenRenderer.Render(current)));
                    await output.FlushAsync(stop);
                }
            });
        return current;
    }

    /// <summary>Every message waiting, through the pure update; effects started. True when a resize asks for a new Live display.</summary>
    private static bool ApplyBatch(ChannelReader<TopMessage> inbox, EffectRunner effects, ref TopModel current, CancellationToken stop)
    {
        var restart = false;
        while (inbox.TryRead(out var message))
        {
            if (message is Resized)
            {
                restart = true;
                continue;
            }
            var result = TopUpdate.Apply(current, message);
            current = result.Model;
            if (result.Effect is { } effect)
            {
                effects.Start(effect, stop);
            }
        }
        return restart;
    }

    /// <summary>One line less than the terminal: Live's last line must not scroll the screen.</summary>
    private static int ScreenHeight() => Math.Max(6, Console.WindowHeight - 1);
}
