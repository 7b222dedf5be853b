// Copyright (c) TinTin.Nano contributors. Licensed under the MIT license.

using System.IO;
using System.IO.Compression;

namespace TinTin.Data;

/// <summary>
/// The bytes of an IDX file, gunzipped when they start with the gzip magic 1f 8b. An IDX file itself
/// always starts with two zero bytes, so the two cannot be confused; sniffing the content (rather than
/// trusting a ".gz" name) lets a user pass either form under either name.
/// </summary>
internal static class IdxContent
{
    public static byte[] Load(Stream stream, string sourceName)
    {
        byte[] raw = ReadAll(stream);
        if (raw.Length < 2 || raw[0] != 0x1f || raw[1] != 0x8b)
        {
            return raw;
        }

        try
        {
            using var gzip = new GZipStream(new MemoryStream(raw, writable: false), CompressionMode.Decompress);
            return ReadAll(gzip);
        }
        catch (InvalidDataException ex)
        {
            throw new InvalidDataException($"{sourceName}: corrupt gzip data ({ex.Message})", ex);
        }
    }

    private static byte[] ReadAll(Stream stream)
    {
        using var buffer = new MemoryStream();
        stream.CopyTo(buffer);
        return buffer.ToArray();
    }
}
