// Copyright (c) TinTin.Nano contributors. Licensed under the MIT license.

using System.IO;
using System.IO.Ports;
using TinTin.Manifest;
using TinTin.Monitor;

namespace TinTin.Cli.Commands;

/// <summary>
/// Defaults the commands take from nanoFramework.json when run inside the repository (merged with
/// nanoFramework.local.json): a target's managed heap, the data link's line settings. Outside it, or when the
/// manifest is invalid (`tintin manifest` says why), the built-in values.
/// </summary>
internal static class ManifestDefaults
{
    /// <summary>A target's managed heap, for the simulated board's free-memory counter.</summary>
    /// <param name="target">The target's name.</param>
    /// <returns>The heap in bytes, or 0 (free memory then reads 0).</returns>
    public static long Heap(string target)
    {
        NanoManifest? manifest = TryLoad();
        return manifest is not null && manifest.Targets.TryGetValue(target, out TargetBoard? board) ? board.Heap.Bytes : 0;
    }

    /// <summary>The serial line of the manifest's <c>dataLink</c>, else the protocol's (921600 8N1).</summary>
    /// <param name="baudOverride">A <c>--baud</c> value that wins over the manifest, or null.</param>
    /// <returns>The line.</returns>
    public static SerialLine Line(int? baudOverride)
    {
        DataLinkSettings? link = TryLoad()?.DataLink;
        DataLinkProtocol? p = link?.Protocol;
        SerialLine line = link is null || p is null
            ? SerialLine.Protocol
            : new SerialLine(link.BaudRate, p.DataBits, (Parity)(int)p.Parity, (StopBits)p.StopBits, (Handshake)(int)p.FlowControl);
        return baudOverride is null ? line : line with { BaudRate = baudOverride.Value };
    }

    private static NanoManifest? TryLoad()
    {
        try
        {
            string? root = RepoRoot.TryFind(Directory.GetCurrentDirectory());
            return root is null ? null : ManifestLoader.Load(root);
        }
        catch (ManifestException)
        {
            return null;
        }
    }
}
