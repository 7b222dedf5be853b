// Copyright (c) TinTin.Nano contributors. Licensed under the MIT license.

using System;
using System.Buffers.Binary;
using System.IO;
using TinTin.Data;

namespace TinTin.Bench.Tests;

/// <summary>
/// A tiny MNIST-shaped folder: the four IDX files, uncompressed (the reader accepts the names without
/// .gz), written byte by byte from the IDX layout (big-endian magic and sizes), not with the reader's code.
/// Image i of a split has pixel k = (i * 7 + k * 3 + split) mod 256 and label i mod 10.
/// </summary>
internal static class SyntheticMnist
{
    public const int Rows = 28;
    public const int Columns = 28;

    /// <summary>Writes <c>folder/mnist/</c> with the given split sizes; returns the data folder (the parent of mnist/).</summary>
    public static string Write(string dataFolder, int train, int test)
    {
        string mnist = Path.Combine(dataFolder, "mnist");
        Directory.CreateDirectory(mnist);
        WriteSplit(mnist, MnistDataset.TrainImagesFile, MnistDataset.TrainLabelsFile, train, 0);
        WriteSplit(mnist, MnistDataset.TestImagesFile, MnistDataset.TestLabelsFile, test, 1);
        return dataFolder;
    }

    public static byte Pixel(int split, int image, int k) => (byte)((image * 7) + (k * 3) + split);

    private static void WriteSplit(string folder, string imagesFile, string labelsFile, int count, int split)
    {
        int size = Rows * Columns;
        var images = new byte[16 + (count * size)];
        BinaryPrimitives.WriteInt32BigEndian(images.AsSpan(0), 0x00000803);
        BinaryPrimitives.WriteInt32BigEndian(images.AsSpan(4), count);
        BinaryPrimitives.WriteInt32BigEndian(images.AsSpan(8), Rows);
        BinaryPrimitives.WriteInt32BigEndian(images.AsSpan(12), Columns);
        var labels = new byte[8 + count];
        BinaryPrimitives.WriteInt32BigEndian(labels.AsSpan(0), 0x00000801);
        BinaryPrimitives.WriteInt32BigEndian(labels.AsSpan(4), count);
        for (int i = 0; i < count; i++)
        {
            for (int k = 0; k < size; k++)
            {
                images[16 + (i * size) + k] = Pixel(split, i, k);
            }

            labels[8 + i] = (byte)(i % 10);
        }

        File.WriteAllBytes(Path.Combine(folder, Path.GetFileNameWithoutExtension(imagesFile)), images);
        File.WriteAllBytes(Path.Combine(folder, Path.GetFileNameWithoutExtension(labelsFile)), labels);
    }
}
