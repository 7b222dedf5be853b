// Copyright (c) TinTin.Nano contributors. Licensed under the MIT license.

using System;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Runtime.InteropServices;
using System.Security.Cryptography;
using System.Text;

namespace TinTin.NativeHost;

/// <summary>The native engine cannot run here: no C compiler, the kernels did not compile, or the library did not load.</summary>
public sealed class NativeEngineUnavailableException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">What is missing and how to get it.</param>
    /// <param name="inner">The underlying failure, or null.</param>
    public NativeEngineUnavailableException(string message, Exception? inner = null)
        : base(message, inner)
    {
    }
}

/// <summary>
/// Builds lib-tintin/native (every <c>*.c</c> of the folder, not <c>bench/</c> or <c>interop/</c>) into a
/// shared library with the machine's C compiler: <c>$TINTIN_CC</c> when set, else <c>cc</c> on the PATH.
/// The library is cached in the temporary folder under a hash of the sources, the compiler and the flags,
/// so the compiler runs once per change; it is written under a temporary name and moved into place, so
/// processes building at the same time do not see a half-written file.
/// </summary>
public static class NativeLibraryBuild
{
    /// <summary>The compiler flags: C99, -O2 as in the bit-exactness tests' optimised build.</summary>
    public const string Flags = "-std=c99 -O2 -fPIC -shared";

    /// <summary>The environment variable that names the C compiler.</summary>
    public const string CompilerVariable = "TINTIN_CC";

    /// <summary>The C compiler to use: $TINTIN_CC, else <c>cc</c>.</summary>
    public static string DefaultCompiler
    {
        get
        {
            string? configured = Environment.GetEnvironmentVariable(CompilerVariable);
            return string.IsNullOrWhiteSpace(configured) ? "cc" : configured;
        }
    }

    /// <summary>
    /// The kernels' C sources: <c>native/</c> next to this assembly (copied there by the build), else
    /// lib-tintin/native of the repository this assembly was built in (found by walking up).
    /// </summary>
    public static string DefaultSourceFolder
    {
        get
        {
            string beside = Path.Combine(AppContext.BaseDirectory, "native");
            if (File.Exists(Path.Combine(beside, "tintin_native.h")))
            {
                return beside;
            }

            for (string? dir = AppContext.BaseDirectory; dir != null; dir = Path.GetDirectoryName(dir))
            {
                string candidate = Path.Combine(dir, "lib-tintin", "native");
                if (File.Exists(Path.Combine(candidate, "tintin_native.h")))
                {
                    return candidate;
                }
            }

            return beside;
        }
    }

    /// <summary>Builds (or finds in the cache) the library from <see cref="DefaultSourceFolder"/> with <see cref="DefaultCompiler"/>.</summary>
    /// <returns>The library's path.</returns>
    /// <exception cref="NativeEngineUnavailableException">No compiler, no sources, or the build failed.</exception>
    public static string BuildDefault() => Build(DefaultCompiler, DefaultSourceFolder, Path.Combine(Path.GetTempPath(), "tintin-native-engine"));

    /// <summary>Builds the library, or returns the cached one built from the same sources, compiler and flags.</summary>
    /// <param name="compiler">The compiler: a name looked up on the PATH, or a path.</param>
    /// <param name="sourceFolder">The folder holding the kernels' <c>.c</c> and <c>.h</c> files.</param>
    /// <param name="cacheFolder">Where built libraries are kept.</param>
    /// <returns>The library's path.</returns>
    /// <exception cref="NativeEngineUnavailableException">No compiler, no sources, or the build failed.</exception>
    public static string Build(string compiler, string sourceFolder, string cacheFolder)
    {
        string compilerPath = FindCompiler(compiler) ?? throw new NativeEngineUnavailableException(
            $"the native engine needs a C compiler to build lib-tintin/native, and '{compiler}' was not found"
            + (Path.IsPathRooted(compiler) || compiler.Contains(Path.DirectorySeparatorChar) ? "" : " on the PATH")
            + $" (install one, e.g. Debian: apt-get install gcc, or set {CompilerVariable} to a C99 compiler); or use --engine managed");
        string[] sources = Directory.Exists(sourceFolder)
            ? Directory.GetFiles(sourceFolder, "*.c").Order(StringComparer.Ordinal).ToArray()
            : [];
        if (sources.Length == 0 || !File.Exists(Path.Combine(sourceFolder, "tintin_native.h")))
        {
            throw new NativeEngineUnavailableException($"the native engine's C sources (lib-tintin/native) are missing from {sourceFolder}");
        }

        string extension = RuntimeInformation.IsOSPlatform(OSPlatform.OSX) ? ".dylib" : (RuntimeInformation.IsOSPlatform(OSPlatform.Windows) ? ".dll" : ".so");
        string folder = Path.Combine(cacheFolder, Hash(compilerPath, sourceFolder, sources));
        string library = Path.Combine(folder, "libtintin_native" + extension);
        if (File.Exists(library))
        {
            return library;
        }

        Directory.CreateDirectory(folder);
        string partial = Path.Combine(folder, $"build-{Environment.ProcessId}-{Guid.NewGuid():N}{extension}");
        string arguments = $"{Flags} -o \"{partial}\" " + string.Join(" ", sources.Select(s => "\"" + s + "\""));
        (int exit, string output) = Run(compilerPath, arguments);
        if (exit != 0 || !File.Exists(partial))
        {
            TryDelete(partial);
            throw new NativeEngineUnavailableException($"building lib-tintin/native with {compilerPath} {Flags} failed (exit {exit}):{Environment.NewLine}{output}");
        }

        File.Move(partial, library, overwrite: true);
        return library;
    }

    // The full path of the compiler, or null.
    private static string? FindCompiler(string compiler)
    {
        if (Path.IsPathRooted(compiler) || compiler.Contains(Path.DirectorySeparatorChar))
        {
            return File.Exists(compiler) ? Path.GetFullPath(compiler) : null;
        }

        foreach (string dir in (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            string candidate = Path.Combine(dir, compiler);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        return null;
    }

    private static string Hash(string compiler, string sourceFolder, string[] sources)
    {
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        sha.AppendData(Encoding.UTF8.GetBytes(compiler + "\n" + Flags + "\n" + RuntimeInformation.ProcessArchitecture + "\n"));
        foreach (string file in sources.Concat(Directory.GetFiles(sourceFolder, "*.h").Order(StringComparer.Ordinal)))
        {
            sha.AppendData(Encoding.UTF8.GetBytes(Path.GetFileName(file) + "\n"));
            sha.AppendData(File.ReadAllBytes(file));
        }

        return Convert.ToHexString(sha.GetHashAndReset())[..16].ToLowerInvariant();
    }

    private static (int Exit, string Output) Run(string file, string arguments)
    {
        var start = new ProcessStartInfo(file, arguments)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        try
        {
            using var process = Process.Start(start) ?? throw new NativeEngineUnavailableException($"could not start {file}");
            var error = process.StandardError.ReadToEndAsync();
            string output = process.StandardOutput.ReadToEnd();
            process.WaitForExit();
            return (process.ExitCode, output + error.Result);
        }
        catch (System.ComponentModel.Win32Exception ex)
        {
            throw new NativeEngineUnavailableException($"could not run the C compiler {file}: {ex.Message}", ex);
        }
    }

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
