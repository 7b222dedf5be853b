// Copyright (c) TinTin.Nano contributors. Licensed under the MIT license.

using System.IO;
using System.IO.Compression;

namespace TinTin.Data.Tests;

/// <summary>gzip and zlib encoders for building test files.</summary>
internal static class Compression
{
    public static byte[] Gzip(byte[] data)
    {
        using var output = new MemoryStream();
        using (var gzip = new GZipStream(output, CompressionLevel.Optimal, leaveOpen: true))
        {
            gzip.Write(data);
        }

        return output.ToArray();
    }

    public static byte[] Zlib(byte[] data)
    {
        using var output = new MemoryStream();
        using (var zlib = new ZLibStream(output, CompressionLevel.Optimal, leaveOpen: true))
        {
            zlib.Write(data);
        }

        return output.ToArray();
    }
}
