// Copyright (c) TinTin.Nano contributors. Licensed under the MIT license.

using System;
using System.IO;
using Mono.Cecil;

namespace TinTin.IlCost.Tests;

/// <summary>A second assembly to instrument: the fixture under another simple name, in a folder of its own.</summary>
internal static class RenamedFixture
{
    public const string AssemblyName = "TinTin.IlCost.Fixture.Renamed";

    /// <summary>The renamed copy, rewritten when the fixture is newer.</summary>
    public static string Location { get; } = Create();

    private static string Create()
    {
        string path = Path.Combine(AppContext.BaseDirectory, "ilcost-renamed", AssemblyName + ".dll");
        if (File.Exists(path) && File.GetLastWriteTimeUtc(path) >= File.GetLastWriteTimeUtc(Fixture.AssemblyPath))
        {
            return path;
        }

        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        using AssemblyDefinition assembly = AssemblyDefinition.ReadAssembly(Fixture.AssemblyPath, new ReaderParameters { InMemory = true });
        assembly.Name.Name = AssemblyName;
        assembly.MainModule.Name = AssemblyName + ".dll";
        assembly.Write(path);
        return path;
    }
}
