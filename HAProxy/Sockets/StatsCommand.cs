namespace HAProxy.Sockets;

/// <summary>
/// Checks command text before it goes on the wire. A line break would send two commands (and an empty line
/// prints HAProxy's whole help in 2.6); in a prompt session a bare <c>;</c> would produce several replies where
/// one is read, leaving the session out of step. Pure.
/// </summary>
public static class StatsCommand
{
    /// <summary>Rejects text that is empty, contains a line break or control character, or an unescaped <c>;</c>.</summary>
    /// <exception cref="ArgumentException">With the reason.</exception>
    public static void Validate(string command)
    {
        ArgumentNullException.ThrowIfNull(command);
        if (string.IsNullOrWhiteSpace(command))
        {
            throw new ArgumentException("The command is empty; an empty line makes HAProxy 2.6 print its whole help.", nameof(command));
        }
        for (var i = 0; i < command.Length; i++)
        {
            var c = command[i];
            if (c is '\n' or '\r')
            {
                throw new ArgumentException("The command contains a line break; send one command per call.", nameof(command));
            }
            if (char.IsControl(c) && c != '\t')
            {
                throw new ArgumentException($"The command contains the control character U+{(int)c:X4}.", nameof(command));
            }
            if (c == ';' && (i == 0 || command[i - 1] != '\\'))
            {
                throw new ArgumentException("The command contains ';', which HAProxy treats as a command separator; send one command per call (escape a literal ';' as '\\;').", nameof(command));
            }
        }
    }

    /// <summary>Whether this is a plain <c>show info</c>, whose reply also proves which process answers.</summary>
    public static bool IsShowInfo(string command) => command.Trim() == "show info";
}
