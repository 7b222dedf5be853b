// Copyright (c) TinTin.Nano contributors. Licensed under the MIT license.

using System;

namespace TinTin.Data;

/// <summary>An IDX image file's content: <see cref="Count"/> greyscale images of <see cref="Rows"/> x <see cref="Columns"/> bytes.</summary>
public sealed class IdxImages
{
    /// <summary>Wraps pixels already laid out row-major, image after image.</summary>
    /// <param name="count">The number of images.</param>
    /// <param name="rows">The rows of each image.</param>
    /// <param name="columns">The columns of each image.</param>
    /// <param name="pixels"><paramref name="count"/> x <paramref name="rows"/> x <paramref name="columns"/> bytes.</param>
    /// <exception cref="ArgumentOutOfRangeException">A size is negative.</exception>
    /// <exception cref="ArgumentException"><paramref name="pixels"/> has the wrong length.</exception>
    public IdxImages(int count, int rows, int columns, byte[] pixels)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        ArgumentOutOfRangeException.ThrowIfNegative(rows);
        ArgumentOutOfRangeException.ThrowIfNegative(columns);
        ArgumentNullException.ThrowIfNull(pixels);
        long expected = (long)count * rows * columns;
        if (pixels.LongLength != expected)
        {
            throw new ArgumentException($"{count} images of {rows} x {columns} need {expected} bytes, got {pixels.LongLength}", nameof(pixels));
        }

        Count = count;
        Rows = rows;
        Columns = columns;
        Pixels = pixels;
    }

    /// <summary>The number of images.</summary>
    public int Count { get; }

    /// <summary>The rows of each image (28 for MNIST).</summary>
    public int Rows { get; }

    /// <summary>The columns of each image (28 for MNIST).</summary>
    public int Columns { get; }

    /// <summary>The bytes of one image: <see cref="Rows"/> x <see cref="Columns"/>.</summary>
    public int PixelsPerImage => Rows * Columns;

    /// <summary>All pixels, row-major within an image, image after image (0 = background, 255 = ink for MNIST).</summary>
    public byte[] Pixels { get; }

    /// <summary>The pixels of one image.</summary>
    /// <param name="index">The image, 0 to <see cref="Count"/> - 1.</param>
    /// <returns>A view of <see cref="PixelsPerImage"/> bytes of <see cref="Pixels"/>.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="index"/> is outside the file.</exception>
    public ReadOnlySpan<byte> GetImage(int index)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, Count);
        return Pixels.AsSpan(index * PixelsPerImage, PixelsPerImage);
    }
}
