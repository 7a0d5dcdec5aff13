using System.Runtime.InteropServices;
using Microsoft.Win32.SafeHandles;

namespace Alerter.Logs;

/// <summary>
/// <c>stat</c>/<c>fstat</c> from libc for device, inode and size (.NET exposes no inode). On glibc x86_64 and
/// aarch64, <c>struct stat</c> starts with st_dev (8 bytes) and st_ino (8 bytes) and has st_size at byte 48.
/// </summary>
internal static unsafe partial class UnixFileStat
{
    private const int StatBufferSize = 256;

    /// <summary>Identity and size of the file at <paramref name="path"/>, or null when it does not exist.</summary>
    public static (FileIdentity Identity, long Size)? Stat(string path)
    {
        var buffer = stackalloc byte[StatBufferSize];
        if (stat(path, buffer) != 0)
        {
            return null;
        }
        return Read(buffer);
    }

    /// <summary>Identity and size of an open file (whatever name it has now).</summary>
    public static (FileIdentity Identity, long Size) Stat(SafeFileHandle handle)
    {
        var buffer = stackalloc byte[StatBufferSize];
        var added = false;
        handle.DangerousAddRef(ref added);
        try
        {
            if (fstat((int)handle.DangerousGetHandle(), buffer) != 0)
            {
                throw new IOException($"fstat failed: errno {Marshal.GetLastPInvokeError()}");
            }
            return Read(buffer);
        }
        finally
        {
            if (added)
            {
                handle.DangerousRelease();
            }
        }
    }

    private static (FileIdentity, long) Read(byte* buffer)
        => (new FileIdentity(*(long*)buffer, *(long*)(buffer + 8)), *(long*)(buffer + 48));

    [LibraryImport("libc", EntryPoint = "stat", StringMarshalling = StringMarshalling.Utf8, SetLastError = true)]
    private static partial int stat(string path, byte* buffer);

    [LibraryImport("libc", EntryPoint = "fstat", SetLastError = true)]
    private static partial int fstat(int fd, byte* buffer);
}
