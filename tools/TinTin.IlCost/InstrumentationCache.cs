// Copyright (c) TinTin.Nano contributors. Licensed under the MIT license.

using System;
using System.Collections.Generic;
using System.IO;
using System.Security.Cryptography;
using System.Text;
using TinTin.IlCost.Runtime;

namespace TinTin.IlCost;

/// <summary>
/// Instrumented copies on disk, one per input version and options: the key is the input's full path,
/// last write time and size, the versions of this tool and of its runtime (so a changed cost table
/// never reuses a stale copy) and the <see cref="InstrumentationOptions"/>.
/// </summary>
internal static class InstrumentationCache
{
    private static readonly object Gate = new();

    /// <summary>The instrumented copy of <paramref name="inputPath"/>, written on first use.</summary>
    public static string GetOrCreate(string inputPath, string cacheDirectory, IEnumerable<string> searchDirectories, InstrumentationOptions options)
    {
        var input = new FileInfo(Path.GetFullPath(inputPath));
        if (!input.Exists)
        {
            throw new FileNotFoundException($"No assembly to instrument at {input.FullName}.", input.FullName);
        }

        string output = Path.Combine(cacheDirectory, Key(input, options), input.Name);
        lock (Gate)
        {
            if (File.Exists(output))
            {
                return output;
            }

            Directory.CreateDirectory(Path.GetDirectoryName(output)!);
            string temporary = $"{output}.{Guid.NewGuid():N}.tmp";
            Instrumenter.Instrument(input.FullName, temporary, searchDirectories, options);
            try
            {
                File.Move(temporary, output);
            }
            catch (IOException) when (File.Exists(output))
            {
                File.Delete(temporary); // another process wrote the same copy first
            }

            return output;
        }
    }

    private static string Key(FileInfo input, InstrumentationOptions options)
    {
        Guid tool = typeof(InstrumentationCache).Assembly.ManifestModule.ModuleVersionId;
        Guid runtime = typeof(CostCounter).Assembly.ManifestModule.ModuleVersionId;
        string identity = $"{input.FullName}|{input.LastWriteTimeUtc.Ticks}|{input.Length}|{tool}|{runtime}|{options}";
        byte[] hash = SHA256.HashData(Encoding.UTF8.GetBytes(identity));
        return Convert.ToHexString(hash, 0, 12).ToLowerInvariant();
    }
}
