// Copyright (c) TinTin.Nano contributors. Licensed under the MIT license.

using System;
using System.Collections.Concurrent;
using System.IO;
using System.Linq;
using System.Runtime.InteropServices;

namespace TinTin.Native.Tests.Support;

/// <summary>
/// Builds lib-tintin/native into a shared library with the machine's gcc, once per build flavour and
/// test run, into a temporary folder removed when the run ends.
/// </summary>
public static class NativeBuild
{
    /// <summary>The optimised build, as a firmware would compile the kernels.</summary>
    public const string Optimized = "O2";

    /// <summary>
    /// The undefined-behaviour build: every signed overflow, oversized shift or out-of-bounds index the
    /// sanitizer can see traps (SIGILL, which ends the test host: the run fails loudly). Bit-exactness
    /// here and in <see cref="Optimized"/> shows the results do not depend on what the optimiser may
    /// assume about undefined behaviour.
    /// </summary>
    public const string UndefinedBehaviourTrap = "UBSan-trap";

    // -Wconversion: every narrowing in the kernels is an explicit cast, as in the managed code.
    private const string Warnings = "-std=c99 -pedantic -Wall -Wextra -Wconversion -Wshadow -Werror";

    private static readonly ConcurrentDictionary<string, Lazy<string>> s_libraries = new();
    private static readonly Lazy<string> s_folder = new(() =>
    {
        string folder = Directory.CreateTempSubdirectory("tintin-native-").FullName;
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            try
            {
                Directory.Delete(folder, recursive: true);
            }
            catch (IOException)
            {
            }
        };
        return folder;
    });

    public static TheoryData<string> Flavours => new() { Optimized, UndefinedBehaviourTrap };

    /// <summary>The path of the shared library of one flavour, built on first use.</summary>
    public static string Library(string flavour) =>
        s_libraries.GetOrAdd(flavour, f => new Lazy<string>(() => Build(f))).Value;

    private static string Build(string flavour)
    {
        string flags = flavour switch
        {
            Optimized => "-O2",
            UndefinedBehaviourTrap => "-O1 -fsanitize=undefined -fsanitize-undefined-trap-on-error -fno-sanitize-recover=all",
            _ => throw new ArgumentOutOfRangeException(nameof(flavour)),
        };
        string gcc = Tool.Find("gcc")
            ?? throw new InvalidOperationException("gcc was not found on the PATH: the native kernel tests build lib-tintin/native with the machine's C compiler (Debian: apt-get install gcc).");
        string extension = RuntimeInformation.IsOSPlatform(OSPlatform.OSX) ? ".dylib" : (RuntimeInformation.IsOSPlatform(OSPlatform.Windows) ? ".dll" : ".so");
        string output = Path.Combine(s_folder.Value, "tintin_native_" + flavour + extension);

        // -Bsymbolic: calls between kernels stay inside this build even with the other flavour loaded.
        string link = RuntimeInformation.IsOSPlatform(OSPlatform.Linux) ? " -Wl,-Bsymbolic" : "";
        string sources = string.Join(" ", Directory.GetFiles(Repo.NativeSources, "*.c").OrderBy(f => f, StringComparer.Ordinal).Select(f => "\"" + f + "\""));
        var result = Tool.Run(gcc, $"{Warnings} {flags} -fPIC -shared{link} -o \"{output}\" {sources}");
        if (result.ExitCode != 0)
        {
            throw new InvalidOperationException(result.Describe($"gcc {Warnings} {flags} -fPIC -shared (lib-tintin/native)"));
        }

        return output;
    }
}
