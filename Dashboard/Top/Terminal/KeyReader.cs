using System.Threading.Channels;
using Dashboard.Top.Update;

namespace Dashboard.Top.Terminal;

/// <summary>
/// Reads keys on a background thread blocked in <see cref="Console.ReadKey(bool)"/> (polling KeyAvailable
/// costs several times the CPU) and posts them to the UI loop.
/// </summary>
public static class KeyReader
{
    public static Thread Start(ChannelWriter<TopMessage> output, CancellationToken cancellationToken)
    {
        var thread = new Thread(() =>
        {
            while (!cancellationToken.IsCancellationRequested)
            {
                ConsoleKeyInfo key;
                try
                {
                    key = Console.ReadKey(intercept: true);
                }
                catch (InvalidOperationException)
                {
                    return;
                }
                output.TryWrite(new KeyPressed(key));
            }
        })
        {
            IsBackground = true,
            Name = "dashboard-top-keys",
        };
        thread.Start();
        return thread;
    }
}
