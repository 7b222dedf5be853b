// Copyright (c) TinTin.Nano contributors. Licensed under the MIT license.

using System;
using System.IO;
using TinTin.Persistence;

namespace TinTin.Cli.Commands;

/// <summary>Model files on the host's disk: lib-tintin's byte-array format (the device's) written and read whole.</summary>
public static class ModelFileIo
{
    /// <summary>Writes a model file, replacing the target only once the new file is complete.</summary>
    /// <param name="model">The model.</param>
    /// <param name="path">The file.</param>
    public static void Save(Model model, string path)
    {
        var bytes = new byte[ModelFile.GetSize(model)];
        ModelFile.Write(model, bytes, 0);
        string full = Path.GetFullPath(path);
        string temporary = full + ".tmp";
        File.WriteAllBytes(temporary, bytes);
        File.Move(temporary, full, overwrite: true);
    }

    /// <summary>Reads a model file.</summary>
    /// <param name="path">The file.</param>
    /// <param name="bytes">The file's bytes (for its checksum).</param>
    /// <returns>The model.</returns>
    /// <exception cref="ModelFileException">The file is not a valid model file.</exception>
    /// <exception cref="IOException">The file cannot be read.</exception>
    public static Model Load(string path, out byte[] bytes)
    {
        bytes = File.ReadAllBytes(path);
        if (bytes.Length < ModelFile.HeaderSize)
        {
            throw new ModelFileException($"the file has {bytes.Length} bytes, fewer than a model file's {ModelFile.HeaderSize}-byte header");
        }

        int stored = ModelFile.GetStoredSize(bytes, 0, bytes.Length);
        if (stored != bytes.Length)
        {
            throw new ModelFileException($"the header states {stored} bytes but the file has {bytes.Length}: it is {(stored > bytes.Length ? "truncated" : "followed by extra bytes")}");
        }

        return ModelFile.Read(bytes, 0, bytes.Length);
    }

    /// <summary>The CRC-32 stored at the end of a model file.</summary>
    /// <param name="bytes">The whole file.</param>
    /// <returns>The checksum.</returns>
    public static uint StoredChecksum(byte[] bytes) => BitConverter.ToUInt32(bytes, bytes.Length - ModelFile.ChecksumSize);
}
