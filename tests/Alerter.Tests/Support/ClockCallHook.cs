namespace Alerter.Tests.Support;

/// <summary>
/// The system clock, plus an action run on the Nth <see cref="GetUtcNow"/> call after <see cref="Arm"/>: a way to act
/// at a precise point inside a scan (the scanner reads the clock at known steps) without a test hook in the scanner.
/// </summary>
public sealed class ClockCallHook : TimeProvider
{
    private int _callsLeft;
    private Action? _action;

    public bool Fired { get; private set; }

    public void Arm(int onCall, Action action)
    {
        _callsLeft = onCall;
        _action = action;
        Fired = false;
    }

    public override DateTimeOffset GetUtcNow()
    {
        if (_action is not null && --_callsLeft == 0)
        {
            var action = _action;
            _action = null;
            action();
            Fired = true;
        }
        return System.GetUtcNow();
    }
}
