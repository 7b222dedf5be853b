// Copyright (c) TinTin.Nano contributors. Licensed under the MIT license.

using System;
using System.IO;

namespace TinTin.Data;

/// <summary>
/// Reads IDX files (the MNIST format, http://yann.lecun.com/exdb/mnist/), gzip-compressed or raw:
/// image files (magic 0x00000803: unsigned bytes, 3 dimensions) and label files (0x00000801: 1 dimension).
/// </summary>
/// <remarks>
/// Every malformed input throws <see cref="InvalidDataException"/> whose message starts with the file
/// name and states the cause: wrong magic, unsupported element type, wrong number of dimensions,
/// declared size against the actual bytes (truncated file or trailing bytes), or corrupt gzip data.
/// </remarks>
public static class IdxReader
{
    /// <summary>The magic of an unsigned-byte, 3-dimensional (images) IDX file.</summary>
    public const int ImagesMagic = 0x00000803;

    /// <summary>The magic of an unsigned-byte, 1-dimensional (labels) IDX file.</summary>
    public const int LabelsMagic = 0x00000801;

    /// <summary>Reads an image file.</summary>
    /// <param name="path">The file, gzip-compressed or raw.</param>
    /// <returns>The images.</returns>
    /// <exception cref="InvalidDataException">The file is not a well-formed IDX image file.</exception>
    /// <exception cref="IOException">The file cannot be read (for example <see cref="FileNotFoundException"/>).</exception>
    public static IdxImages ReadImages(string path)
    {
        using FileStream stream = File.OpenRead(path);
        return ReadImages(stream, path);
    }

    /// <summary>Reads an image file from a stream.</summary>
    /// <param name="stream">The content, gzip-compressed or raw; read to its end.</param>
    /// <param name="sourceName">The name errors report (usually the file's path).</param>
    /// <returns>The images.</returns>
    /// <exception cref="InvalidDataException">The content is not a well-formed IDX image file.</exception>
    public static IdxImages ReadImages(Stream stream, string sourceName)
    {
        ArgumentNullException.ThrowIfNull(stream);
        byte[] content = IdxContent.Load(stream, sourceName);
        IdxHeader header = IdxHeader.Parse(content, ImagesMagic, sourceName);
        int[] dims = header.Dimensions;
        byte[] pixels = content.AsSpan(header.DataOffset).ToArray();
        return new IdxImages(dims[0], dims[1], dims[2], pixels);
    }

    /// <summary>Reads a label file.</summary>
    /// <param name="path">The file, gzip-compressed or raw.</param>
    /// <returns>One byte per item.</returns>
    /// <exception cref="InvalidDataException">The file is not a well-formed IDX label file.</exception>
    /// <exception cref="IOException">The file cannot be read (for example <see cref="FileNotFoundException"/>).</exception>
    public static byte[] ReadLabels(string path)
    {
        using FileStream stream = File.OpenRead(path);
        return ReadLabels(stream, path);
    }

    /// <summary>Reads a label file from a stream.</summary>
    /// <param name="stream">The content, gzip-compressed or raw; read to its end.</param>
    /// <param name="sourceName">The name errors report (usually the file's path).</param>
    /// <returns>One byte per item.</returns>
    /// <exception cref="InvalidDataException">The content is not a well-formed IDX label file.</exception>
    public static byte[] ReadLabels(Stream stream, string sourceName)
    {
        ArgumentNullException.ThrowIfNull(stream);
        byte[] content = IdxContent.Load(stream, sourceName);
        IdxHeader header = IdxHeader.Parse(content, LabelsMagic, sourceName);
        return content.AsSpan(header.DataOffset).ToArray();
    }
}
