namespace TestSupport;

/// <summary>
/// Waiting for what another process or thread makes true, with a deadline. A timeout fails the test with what was
/// awaited and, through <c>describe</c>, what was seen instead, read at the moment it gave up.
/// </summary>
public static class Poll
{
    private static readonly TimeSpan DefaultEvery = TimeSpan.FromMilliseconds(100);

    public static async Task UntilAsync(Func<Task<bool>> condition, TimeSpan timeout, Func<string> describe, TimeSpan? every = null)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (!await condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"Waited {timeout.TotalSeconds:0.###} s: {describe()}");
            }
            await Task.Delay(every ?? DefaultEvery);
        }
    }

    public static Task UntilAsync(Func<Task<bool>> condition, TimeSpan timeout, string what, TimeSpan? every = null)
        => UntilAsync(condition, timeout, () => "for " + what, every);

    public static Task UntilAsync(Func<bool> condition, TimeSpan timeout, Func<string> describe, TimeSpan? every = null)
        => UntilAsync(() => Task.FromResult(condition()), timeout, describe, every);

    public static Task UntilAsync(Func<bool> condition, TimeSpan timeout, string what, TimeSpan? every = null)
        => UntilAsync(condition, timeout, () => "for " + what, every);
}
