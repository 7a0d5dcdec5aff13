namespace HAProxy.Sockets;

/// <summary>
/// Where a reply ends. Every HAProxy reply ends with an empty line: text lines then <c>\n</c>, or just
/// <c>\n</c> for no output. In prompt mode the prompt <c>"> "</c> follows, so a complete reply ends with
/// <c>"\n\n> "</c>, or is exactly <c>"\n> "</c>. Pure; works on the bytes received so far.
/// </summary>
internal static class ReplyFraming
{
    private static ReadOnlySpan<byte> EmptyPromptReply => "\n> "u8;

    private static ReadOnlySpan<byte> PromptTerminator => "\n\n> "u8;

    /// <summary>
    /// The length of the reply text (each line with its <c>\n</c>, without the empty line and prompt), or -1
    /// while the prompt has not arrived. Only the end of the data counts: a <c>"\n> "</c> inside the text is
    /// followed by more bytes.
    /// </summary>
    public static int PromptReplyLength(ReadOnlySpan<byte> received)
    {
        if (received.SequenceEqual(EmptyPromptReply))
        {
            return 0;
        }
        return received.EndsWith(PromptTerminator) ? received.Length - 3 : -1;
    }

    /// <summary>Whether the bytes so far can still become the prompt-mode greeting <c>"\n> "</c>.</summary>
    public static bool CanBeGreeting(ReadOnlySpan<byte> received) =>
        received.Length <= EmptyPromptReply.Length && EmptyPromptReply.StartsWith(received);
}
