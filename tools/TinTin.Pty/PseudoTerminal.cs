// Copyright (c) TinTin.Nano contributors. Licensed under the MIT license.

using System;
using System.IO;
using System.Runtime.InteropServices;
using Microsoft.Win32.SafeHandles;

namespace TinTin.Pty;

/// <summary>
/// A pseudo-terminal: a master end this process reads and writes like the wire of a serial cable,
/// and a slave device path (<see cref="SlavePath"/>) that any serial-port code opens as a real port.
/// The line discipline is set raw, so bytes pass unchanged (no echo, no CR/LF mapping). .NET has no
/// API for it: this is the POSIX call sequence posix_openpt, grantpt, unlockpt, ptsname, tcsetattr.
/// </summary>
public sealed class PseudoTerminal : IDisposable
{
    private const int ORdWr = 0x0002;
    private readonly SafeFileHandle _master;

    private PseudoTerminal(SafeFileHandle master, string slavePath)
    {
        _master = master;
        SlavePath = slavePath;
        Master = new FileStream(master, FileAccess.ReadWrite, bufferSize: 0);
    }

    /// <summary>Gets the slave device, e.g. <c>/dev/pts/3</c>: the "serial port" to open.</summary>
    public string SlavePath { get; }

    /// <summary>Gets the master end: what is written here arrives at the port, what the port writes is read here.</summary>
    public FileStream Master { get; }

    /// <summary>Opens a new pair in raw mode.</summary>
    /// <returns>The pseudo-terminal.</returns>
    /// <exception cref="PlatformNotSupportedException">On Windows.</exception>
    /// <exception cref="IOException">A POSIX call failed (its errno is in the message).</exception>
    public static PseudoTerminal Open()
    {
        if (OperatingSystem.IsWindows())
        {
            throw new PlatformNotSupportedException("pseudo-terminals need Linux or macOS; on Windows use a virtual COM port pair (com0com)");
        }

        int fd = posix_openpt(ORdWr | (OperatingSystem.IsLinux() ? 0x100 : 0x20000));
        if (fd < 0)
        {
            throw Error("posix_openpt");
        }

        var handle = new SafeFileHandle(fd, ownsHandle: true);
        if (grantpt(fd) != 0 || unlockpt(fd) != 0)
        {
            handle.Dispose();
            throw Error("grantpt/unlockpt");
        }

        IntPtr name = ptsname(fd);
        if (name == IntPtr.Zero)
        {
            handle.Dispose();
            throw Error("ptsname");
        }

        MakeRaw(fd);
        return new PseudoTerminal(handle, Marshal.PtrToStringAnsi(name)!);
    }

    /// <summary>Closes the master end: the slave sees a hang-up, as when a cable is pulled.</summary>
    public void Dispose()
    {
        Master.Dispose();
        _master.Dispose();
    }

    private static unsafe void MakeRaw(int fd)
    {
        // struct termios is at most 60 bytes on Linux (glibc) and 72 on macOS: a generous buffer.
        byte* termios = stackalloc byte[256];
        if (tcgetattr(fd, termios) != 0)
        {
            throw Error("tcgetattr");
        }

        cfmakeraw(termios);
        if (tcsetattr(fd, 0, termios) != 0)
        {
            throw Error("tcsetattr");
        }
    }

    private static IOException Error(string call) => new($"{call} failed: errno {Marshal.GetLastPInvokeError()}");

    [DllImport("libc", SetLastError = true)]
    private static extern int posix_openpt(int flags);

    [DllImport("libc", SetLastError = true)]
    private static extern int grantpt(int fd);

    [DllImport("libc", SetLastError = true)]
    private static extern int unlockpt(int fd);

    [DllImport("libc", SetLastError = true)]
    private static extern IntPtr ptsname(int fd);

    [DllImport("libc", SetLastError = true)]
    private static extern unsafe int tcgetattr(int fd, byte* termios);

    [DllImport("libc", SetLastError = true)]
    private static extern unsafe int tcsetattr(int fd, int optionalActions, byte* termios);

    [DllImport("libc")]
    private static extern unsafe void cfmakeraw(byte* termios);
}
