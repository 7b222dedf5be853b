// Copyright (c) TinTin.Nano contributors. Licensed under the MIT license.

using System;
using System.IO;

namespace TinTin.Data;

/// <summary>
/// MNIST's standard split: 60,000 training and 10,000 test digits of 28 x 28 pixels, read from the four
/// original IDX files (LeCun, Cortes and Burges; see ../shared/data/mnist/SOURCES.md).
/// </summary>
public sealed class MnistDataset
{
    /// <summary>The training images' file name.</summary>
    public const string TrainImagesFile = "train-images-idx3-ubyte.gz";

    /// <summary>The training labels' file name.</summary>
    public const string TrainLabelsFile = "train-labels-idx1-ubyte.gz";

    /// <summary>The test images' file name.</summary>
    public const string TestImagesFile = "t10k-images-idx3-ubyte.gz";

    /// <summary>The test labels' file name.</summary>
    public const string TestLabelsFile = "t10k-labels-idx1-ubyte.gz";

    /// <summary>Where the originals come from (the canonical page and the mirrors with the same bytes).</summary>
    public const string DownloadHint =
        "download the four original files (train-images-idx3-ubyte.gz, train-labels-idx1-ubyte.gz, t10k-images-idx3-ubyte.gz, t10k-labels-idx1-ubyte.gz) "
        + "from http://yann.lecun.com/exdb/mnist/ or a mirror with the same bytes "
        + "(https://storage.googleapis.com/cvdf-datasets/mnist/, https://ossci-datasets.s3.amazonaws.com/mnist/) into that folder";

    /// <summary>The number of classes (digits 0 to 9).</summary>
    public const int ClassCount = 10;

    private MnistDataset(IdxImages trainImages, byte[] trainLabels, IdxImages testImages, byte[] testLabels)
    {
        TrainImages = trainImages;
        TrainLabels = trainLabels;
        TestImages = testImages;
        TestLabels = testLabels;
    }

    /// <summary>The training images (60,000 in the original files).</summary>
    public IdxImages TrainImages { get; }

    /// <summary>The training labels, 0 to 9, one per training image.</summary>
    public byte[] TrainLabels { get; }

    /// <summary>The test images (10,000 in the original files).</summary>
    public IdxImages TestImages { get; }

    /// <summary>The test labels, 0 to 9, one per test image.</summary>
    public byte[] TestLabels { get; }

    /// <summary>Loads the four files from a folder.</summary>
    /// <param name="mnistDir">The folder holding the files (for example <c>../shared/data/mnist</c>).</param>
    /// <returns>The dataset.</returns>
    /// <remarks>Each file may also be stored uncompressed under its name without <c>.gz</c>.</remarks>
    /// <exception cref="DataUnavailableException">The folder or a file is missing; the message names it, the folder and where to download the originals.</exception>
    /// <exception cref="InvalidDataException">A file is malformed, image and label counts disagree, the image sizes of the splits differ, or a label is not 0 to 9.</exception>
    public static MnistDataset Load(string mnistDir)
    {
        ArgumentNullException.ThrowIfNull(mnistDir);
        string dir = Path.GetFullPath(mnistDir);
        if (!Directory.Exists(dir))
        {
            throw new DataUnavailableException($"MNIST folder not found: {dir} does not exist; {DownloadHint}");
        }

        string trainImagesPath = Locate(dir, TrainImagesFile);
        string trainLabelsPath = Locate(dir, TrainLabelsFile);
        string testImagesPath = Locate(dir, TestImagesFile);
        string testLabelsPath = Locate(dir, TestLabelsFile);

        IdxImages trainImages = IdxReader.ReadImages(trainImagesPath);
        byte[] trainLabels = IdxReader.ReadLabels(trainLabelsPath);
        IdxImages testImages = IdxReader.ReadImages(testImagesPath);
        byte[] testLabels = IdxReader.ReadLabels(testLabelsPath);

        CheckSplit(trainImages, trainImagesPath, trainLabels, trainLabelsPath);
        CheckSplit(testImages, testImagesPath, testLabels, testLabelsPath);
        if (trainImages.Rows != testImages.Rows || trainImages.Columns != testImages.Columns)
        {
            throw new InvalidDataException(
                $"{testImagesPath}: images are {testImages.Rows} x {testImages.Columns}, but the training images in {trainImagesPath} are {trainImages.Rows} x {trainImages.Columns}");
        }

        return new MnistDataset(trainImages, trainLabels, testImages, testLabels);
    }

    private static string Locate(string dir, string fileName)
    {
        string gz = Path.Combine(dir, fileName);
        if (File.Exists(gz))
        {
            return gz;
        }

        string raw = Path.Combine(dir, Path.GetFileNameWithoutExtension(fileName));
        if (File.Exists(raw))
        {
            return raw;
        }

        throw new DataUnavailableException(
            $"MNIST file {fileName} not found (nor {Path.GetFileName(raw)}) in the folder {dir}; {DownloadHint}");
    }

    private static void CheckSplit(IdxImages images, string imagesPath, byte[] labels, string labelsPath)
    {
        if (images.Count != labels.Length)
        {
            throw new InvalidDataException(
                $"{labelsPath}: {labels.Length} labels, but {imagesPath} holds {images.Count} images (the counts must agree)");
        }

        for (int i = 0; i < labels.Length; i++)
        {
            if (labels[i] >= ClassCount)
            {
                throw new InvalidDataException($"{labelsPath}: label {i} is {labels[i]}, a digit label must be 0 to 9");
            }
        }
    }
}
