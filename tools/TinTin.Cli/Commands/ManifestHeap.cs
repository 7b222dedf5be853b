// Copyright (c) TinTin.Nano contributors. Licensed under the MIT license.

using System.IO;
using TinTin.Manifest;

namespace TinTin.Cli.Commands;

/// <summary>A target's managed heap from nanoFramework.json, for the simulated board's free-memory counter.</summary>
internal static class ManifestHeap
{
    /// <summary>The managed heap when run inside the repository; 0 (free memory then reads 0) elsewhere.</summary>
    /// <param name="target">The target's name.</param>
    /// <returns>The heap in bytes, or 0.</returns>
    public static long Of(string target)
    {
        try
        {
            string? root = RepoRoot.TryFind(Directory.GetCurrentDirectory());
            return root is not null && ManifestLoader.Load(root).Targets.TryGetValue(target, out TargetBoard? board) ? board.Heap.Bytes : 0;
        }
        catch (ManifestException)
        {
            return 0;
        }
    }
}
