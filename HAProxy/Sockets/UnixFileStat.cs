using System.Runtime.InteropServices;

namespace HAProxy.Sockets;

/// <summary>
/// What <c>statx(2)</c> says about a path: identity (device, inode, change time), owner, group and mode.
/// .NET has no managed inode API; <c>statx</c> (glibc 2.28+) has one fixed layout on every architecture,
/// unlike <c>struct stat</c>, so it is read from a plain byte buffer at documented offsets.
/// </summary>
internal readonly record struct UnixFileStat(ulong Device, ulong Inode, uint Uid, uint Gid, uint Mode, long ChangeSeconds, uint ChangeNanoseconds)
{
    private const int AtFdCwd = -100;
    private const uint StatxBasicStats = 0x7ff;
    private const int StatxSize = 256;

    /// <summary>File type bits (S_IFMT) say a socket.</summary>
    public bool IsSocket => (Mode & 0xF000) == 0xC000;

    /// <summary>Permission bits (e.g. 0600).</summary>
    public uint Permissions => Mode & 0xFFF;

    /// <summary>Same file: device, inode and change time (an inode number can be reused after unlink).</summary>
    public bool IsSameFile(UnixFileStat other) =>
        Device == other.Device && Inode == other.Inode && ChangeSeconds == other.ChangeSeconds && ChangeNanoseconds == other.ChangeNanoseconds;

    /// <summary>Stats <paramref name="path"/>, following symlinks.</summary>
    /// <param name="errno">0 on success; otherwise the C errno (2 ENOENT, 13 EACCES, 20 ENOTDIR, 38 ENOSYS).</param>
    public static bool TryGet(string path, out UnixFileStat stat, out int errno)
    {
        stat = default;
        if (!OperatingSystem.IsLinux())
        {
            errno = 38;
            return false;
        }
        var buffer = new byte[StatxSize];
        int result;
        try
        {
            result = statx(AtFdCwd, path, 0, StatxBasicStats, buffer);
        }
        catch (EntryPointNotFoundException)
        {
            errno = 38;
            return false;
        }
        catch (DllNotFoundException)
        {
            errno = 38;
            return false;
        }
        if (result != 0)
        {
            errno = Marshal.GetLastPInvokeError();
            return false;
        }
        errno = 0;
        stat = Read(buffer);
        return true;
    }

    /// <summary>Decodes a <c>struct statx</c> (see <c>linux/stat.h</c>).</summary>
    internal static UnixFileStat Read(ReadOnlySpan<byte> b)
    {
        var uid = MemoryMarshal.Read<uint>(b[20..]);
        var gid = MemoryMarshal.Read<uint>(b[24..]);
        var mode = MemoryMarshal.Read<ushort>(b[28..]);
        var inode = MemoryMarshal.Read<ulong>(b[32..]);
        var ctimeSec = MemoryMarshal.Read<long>(b[96..]);
        var ctimeNsec = MemoryMarshal.Read<uint>(b[104..]);
        var devMajor = MemoryMarshal.Read<uint>(b[136..]);
        var devMinor = MemoryMarshal.Read<uint>(b[140..]);
        return new UnixFileStat(((ulong)devMajor << 32) | devMinor, inode, uid, gid, mode, ctimeSec, ctimeNsec);
    }

    [DllImport("libc", SetLastError = true, CharSet = CharSet.Ansi, BestFitMapping = false, ThrowOnUnmappableChar = true)]
#pragma warning disable SYSLIB1054 // LibraryImport needs unsafe code, which this library does not allow.
    private static extern int statx(int dirfd, string pathname, int flags, uint mask, byte[] buffer);
#pragma warning restore SYSLIB1054
}
