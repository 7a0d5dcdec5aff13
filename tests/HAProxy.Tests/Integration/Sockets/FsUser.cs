using System.Runtime.InteropServices;

namespace HAProxy.Tests.Integration.Sockets;

/// <summary>
/// Runs code on a dedicated thread whose filesystem uid/gid are another user's (setfsuid/setfsgid are
/// per-thread on Linux). Path lookups, unix socket connect(2) included, are then checked as that user, and
/// changing the fs uid away from 0 drops the capabilities that let root bypass file permissions. Other
/// threads of the test process keep running as root.
/// </summary>
internal static class FsUser
{
    public const uint Nobody = 65534;

    public static T Run<T>(uint uid, uint gid, Func<T> action)
    {
        T result = default!;
        Exception? failure = null;
        var thread = new Thread(() =>
        {
            setfsgid(gid);
            setfsuid(uid);
            try
            {
                if (setfsuid(uint.MaxValue) != (int)uid)
                {
                    throw new InvalidOperationException("setfsuid did not take effect");
                }
                result = action();
            }
            catch (Exception ex)
            {
                failure = ex;
            }
            finally
            {
                setfsuid(0);
                setfsgid(0);
            }
        });
        thread.Start();
        thread.Join();
        if (failure is not null)
        {
            throw failure;
        }
        return result;
    }

    // setfsuid(-1) changes nothing and returns the current fs uid.
    [DllImport("libc")]
#pragma warning disable SYSLIB1054
    private static extern int setfsuid(uint fsuid);

    [DllImport("libc")]
    private static extern int setfsgid(uint fsgid);
#pragma warning restore SYSLIB1054
}
