// Copyright (c) TinTin.Nano contributors. Licensed under the MIT license.

namespace TinTin.DeviceTests;

/// <summary>Where a device case runs: on the host launcher, or on the real interpreter in one configuration.</summary>
public static class DeviceRunner
{
    /// <summary>The host copy of the device launcher (tests/TestFramework.Launcher).</summary>
    public const string Host = "host";

    /// <summary>The real nanoFramework interpreter, optimised build (Visual Studio's Release).</summary>
    public const string InterpreterRelease = "Release";

    /// <summary>The real nanoFramework interpreter, Debug build (Visual Studio's default).</summary>
    public const string InterpreterDebug = "Debug";

    /// <summary>Every runner, in the order their cases are listed.</summary>
    public static readonly string[] All = { Host, InterpreterRelease, InterpreterDebug };

    /// <summary>The prefix of an interpreter case's display name; host cases are shown by their device name alone.</summary>
    public static string DisplayPrefix(string runner) => runner == Host ? string.Empty : $"[nanoCLR {runner}] ";
}
