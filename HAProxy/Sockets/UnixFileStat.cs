using System.Runtime.InteropServices;
using Microsoft.Win32.SafeHandles;

namespace HAProxy.Sockets;

/// <summary>
/// What <c>statx(2)</c> says about a path or an open file: identity (device, inode, change time), size, owner,
/// group and mode. The one file-identity helper of the suite: the stats session and the ring watch their socket
/// file with it, and the Alerter tells log files and their rotated copies apart by it.
/// .NET has no managed inode API; <c>statx</c> (glibc 2.28+) has one fixed layout on every architecture,
/// unlike <c>struct stat</c>, so it is read from a plain byte buffer at documented offsets.
/// </summary>
/// <param name="Device">The device in glibc's <c>dev_t</c> encoding (<c>makedev(major, minor)</c>), the number
/// <c>stat(2)</c> gives as <c>st_dev</c>: the Alerter's stored checkpoints hold that number.</param>
public readonly record struct UnixFileStat(ulong Device, ulong Inode, uint Uid, uint Gid, uint Mode, long ChangeSeconds, uint ChangeNanoseconds, long Size)
{
    private const int AtFdCwd = -100;
    private const int AtEmptyPath = 0x1000;
    private const uint StatxBasicStats = 0x7ff;
    private const int StatxSize = 256;
    private const int Enosys = 38;

    /// <summary>File type bits (S_IFMT) say a socket.</summary>
    public bool IsSocket => (Mode & 0xF000) == 0xC000;

    /// <summary>Permission bits (e.g. 0600).</summary>
    public uint Permissions => Mode & 0xFFF;

    /// <summary>Same file: device, inode and change time (an inode number can be reused after unlink).</summary>
    public bool IsSameFile(UnixFileStat other) =>
        Device == other.Device && Inode == other.Inode && ChangeSeconds == other.ChangeSeconds && ChangeNanoseconds == other.ChangeNanoseconds;

    /// <summary>Stats <paramref name="path"/>, following symlinks.</summary>
    /// <param name="errno">0 on success; otherwise the C errno (2 ENOENT, 13 EACCES, 20 ENOTDIR, 38 ENOSYS).</param>
    public static bool TryGet(string path, out UnixFileStat stat, out int errno) => TryStatx(AtFdCwd, path, 0, out stat, out errno);

    /// <summary>Stats an open file, whatever name it has now (<c>AT_EMPTY_PATH</c> on its descriptor).</summary>
    /// <exception cref="IOException">statx failed on the descriptor.</exception>
    public static UnixFileStat Get(SafeFileHandle handle)
    {
        ArgumentNullException.ThrowIfNull(handle);
        var added = false;
        handle.DangerousAddRef(ref added);
        try
        {
            if (!TryStatx((int)handle.DangerousGetHandle(), "", AtEmptyPath, out var stat, out var errno))
            {
                throw new IOException($"statx on an open file failed: errno {errno}");
            }
            return stat;
        }
        finally
        {
            if (added)
            {
                handle.DangerousRelease();
            }
        }
    }

    private static bool TryStatx(int directory, string path, int flags, out UnixFileStat stat, out int errno)
    {
        stat = default;
        if (!OperatingSystem.IsLinux())
        {
            errno = Enosys;
            return false;
        }
        var buffer = new byte[StatxSize];
        int result;
        try
        {
            result = statx(directory, path, flags, StatxBasicStats, buffer);
        }
        catch (Exception ex) when (ex is EntryPointNotFoundException or DllNotFoundException)
        {
            errno = Enosys;
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
        var size = MemoryMarshal.Read<long>(b[40..]);
        var ctimeSec = MemoryMarshal.Read<long>(b[96..]);
        var ctimeNsec = MemoryMarshal.Read<uint>(b[104..]);
        var devMajor = MemoryMarshal.Read<uint>(b[136..]);
        var devMinor = MemoryMarshal.Read<uint>(b[140..]);
        return new UnixFileStat(MakeDev(devMajor, devMinor), inode, uid, gid, mode, ctimeSec, ctimeNsec, size);
    }

    /// <summary>glibc's <c>gnu_dev_makedev</c>: the <c>dev_t</c> that <c>stat(2)</c> reports for major and minor.</summary>
    internal static ulong MakeDev(uint major, uint minor) =>
        ((ulong)(major & 0x00000fffu) << 8) | ((ulong)(major & 0xfffff000u) << 32)
        | (minor & 0x000000ffu) | ((ulong)(minor & 0xffffff00u) << 12);

    [DllImport("libc", SetLastError = true, CharSet = CharSet.Ansi, BestFitMapping = false, ThrowOnUnmappableChar = true)]
#pragma warning disable SYSLIB1054 // LibraryImport needs unsafe code, which this library does not allow.
    private static extern int statx(int dirfd, string pathname, int flags, uint mask, byte[] buffer);
#pragma warning restore SYSLIB1054
}
