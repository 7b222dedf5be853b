// Copyright (c) TinTin.Nano contributors. Licensed under the MIT license.

using System;
using System.IO;

namespace TinTin.TestSupport;

/// <summary>A fresh folder under the system temp folder, deleted on dispose.</summary>
public sealed class TempFolder : IDisposable
{
    /// <summary>Creates the folder.</summary>
    /// <param name="prefix">The start of its name, to tell which tests left it behind.</param>
    public TempFolder(string prefix = "tintin-tests-")
    {
        Path = Directory.CreateTempSubdirectory(prefix).FullName;
    }

    /// <summary>Gets the folder's full path.</summary>
    public string Path { get; }

    /// <summary>A path inside the folder.</summary>
    /// <param name="parts">The names below the folder.</param>
    /// <returns>The combined path.</returns>
    public string Combine(params string[] parts) => System.IO.Path.Combine([Path, .. parts]);

    /// <summary>Writes a file into the folder.</summary>
    /// <param name="name">The file name.</param>
    /// <param name="content">Its bytes.</param>
    /// <returns>The file's path.</returns>
    public string Write(string name, byte[] content)
    {
        string file = Combine(name);
        File.WriteAllBytes(file, content);
        return file;
    }

    /// <summary>Deletes the folder and everything in it (best effort: a leftover temp folder is harmless).</summary>
    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
