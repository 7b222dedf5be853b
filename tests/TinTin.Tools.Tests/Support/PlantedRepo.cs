// Copyright (c) TinTin.Nano contributors. Licensed under the MIT license.

using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using TinTin.Manifest;
using Xunit;

namespace TinTin.Tools.Tests.Support;

/// <summary>
/// A small, consistent copy of the repository's layout in a temp folder (manifest, a library, an I/O
/// library with a dependency-only package, and an NFUnitTest project). Tests break one thing in it
/// and check that the consistency checks name the file and the item.
/// </summary>
public sealed class PlantedRepo : IDisposable
{
    public const string LibProject = "lib/Lib.nfproj";
    public const string IoProject = "io/Io.nfproj";
    public const string TestProject = "tests/NFUnitTest/NFUnitTest.nfproj";

    private readonly TempFolder _folder = new();

    public PlantedRepo()
    {
        Write(ManifestLoader.FileName, TestManifest.Json);

        Write(LibProject, Nfproj("Lib", test: false, compile: new[] { @"Properties\AssemblyInfo.cs", @"Core\Thing.cs", @"Nano\Board.cs" }, references: new[]
        {
            Reference("mscorlib", "1.17.11.0", @"..\packages\nanoFramework.CoreLibrary.1.17.11\lib\mscorlib.dll"),
        }));
        Write("lib/packages.config", PackagesConfig(("nanoFramework.CoreLibrary", "1.17.11", false)));
        Write("lib/Properties/AssemblyInfo.cs", "// info");
        Write("lib/Core/Thing.cs", "// thing");
        Write("lib/Nano/Board.cs", "// board-only file: compiled by the .nfproj too");
        Write("lib/host/Lib.Host.cs", "// host build only: not a Compile item");
        Write("lib/bin/Debug/Generated.cs", "// build output");
        Write("lib/obj/Debug/Generated.cs", "// build output");

        Write(IoProject, Nfproj("Io", test: false, compile: new[] { @"Properties\AssemblyInfo.cs", "Bus.cs" }, references: new[]
        {
            Reference("mscorlib", "1.17.11.0", @"..\packages\nanoFramework.CoreLibrary.1.17.11\lib\mscorlib.dll"),
            Reference("System.Device.Gpio", "1.1.62.0", @"..\packages\nanoFramework.System.Device.Gpio.1.1.62\lib\System.Device.Gpio.dll"),
            Reference("System.Device.Spi", "1.3.89.0", @"..\packages\nanoFramework.System.Device.Spi.1.3.89\lib\System.Device.Spi.dll"),
        }, projectReferences: new[] { @"..\lib\Lib.nfproj" }));
        Write("io/packages.config", PackagesConfig(
            ("nanoFramework.CoreLibrary", "1.17.11", false),
            ("nanoFramework.Runtime.Events", "1.11.39", false),
            ("nanoFramework.System.Device.Gpio", "1.1.62", false),
            ("nanoFramework.System.Device.Spi", "1.3.89", false)));
        Write("io/Properties/AssemblyInfo.cs", "// info");
        Write("io/Bus.cs", "// bus");

        Write(TestProject, Nfproj("NFUnitTest", test: true, compile: new[] { @"Properties\AssemblyInfo.cs", "ThingTests.cs" }, references: new[]
        {
            Reference("mscorlib", "1.17.11.0", @"..\..\packages\nanoFramework.CoreLibrary.1.17.11\lib\mscorlib.dll"),
            Reference("nanoFramework.TestFramework", "3.0.77.0", @"..\..\packages\nanoFramework.TestFramework.3.0.77\lib\nanoFramework.TestFramework.dll"),
            Reference("nanoFramework.UnitTestLauncher", "3.0.77.0", @"..\..\packages\nanoFramework.TestFramework.3.0.77\lib\nanoFramework.UnitTestLauncher.exe"),
        }, projectReferences: new[] { @"..\..\lib\Lib.nfproj" }));
        Write("tests/NFUnitTest/packages.config", PackagesConfig(
            ("nanoFramework.CoreLibrary", "1.17.11", false),
            ("nanoFramework.TestFramework", "3.0.77", true)));
        Write("tests/NFUnitTest/nano.runsettings", "<RunSettings><RunConfiguration /><nanoFrameworkAdapter><IsRealHardware>False</IsRealHardware></nanoFrameworkAdapter></RunSettings>");
        Write("tests/NFUnitTest/Properties/AssemblyInfo.cs", "// info");
        Write("tests/NFUnitTest/ThingTests.cs", "// tests");
    }

    public string Root => _folder.Path;

    public NanoManifest Manifest => ManifestLoader.Load(Root);

    public string Write(string relative, string content) => _folder.Write(relative, content);

    public string PathOf(string relative) => _folder.Combine(relative);

    public void Delete(string relative) => File.Delete(PathOf(relative));

    public void Rename(string fromRelative, string toRelative) => File.Move(PathOf(fromRelative), PathOf(toRelative));

    /// <summary>Replaces text in a file, failing the test if the text is not there (so a mutation can never silently do nothing).</summary>
    public void Replace(string relative, string oldText, string newText)
    {
        string path = PathOf(relative);
        string content = File.ReadAllText(path);
        Assert.Contains(oldText, content);
        File.WriteAllText(path, content.Replace(oldText, newText));
    }

    public void Dispose() => _folder.Dispose();

    public static string Reference(string name, string version, string hintPath) =>
        $"""
            <Reference Include="{name}, Version={version}, Culture=neutral, PublicKeyToken=c07d481e9758c731">
              <HintPath>{hintPath}</HintPath>
            </Reference>
        """;

    private static string PackagesConfig(params (string Id, string Version, bool Development)[] packages) =>
        "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<packages>\n"
        + string.Concat(packages.Select(p =>
            $"  <package id=\"{p.Id}\" version=\"{p.Version}\" targetFramework=\"netnano1.0\"{(p.Development ? " developmentDependency=\"true\"" : string.Empty)} />\n"))
        + "</packages>\n";

    private static string Nfproj(string assemblyName, bool test, IEnumerable<string> compile, IEnumerable<string> references, IEnumerable<string>? projectReferences = null)
    {
        string testCapability = test ? "  <ItemGroup>\n    <ProjectCapability Include=\"TestContainer\" />\n  </ItemGroup>\n" : string.Empty;
        string testProperties = test
            ? "    <IsTestProject>true</IsTestProject>\n  </PropertyGroup>\n  <PropertyGroup>\n    <RunSettingsFilePath>$(MSBuildProjectDirectory)\\nano.runsettings</RunSettingsFilePath>\n"
            : string.Empty;
        return $"""
            <?xml version="1.0" encoding="utf-8"?>
            <Project ToolsVersion="Current" DefaultTargets="Build" xmlns="http://schemas.microsoft.com/developer/msbuild/2003">
            {testCapability}  <PropertyGroup>
                <OutputType>Library</OutputType>
                <RootNamespace>{assemblyName}</RootNamespace>
                <AssemblyName>{assemblyName}</AssemblyName>
                <TargetFrameworkVersion>v1.0</TargetFrameworkVersion>
            {testProperties}  </PropertyGroup>
              <ItemGroup>
            {string.Concat(compile.Select(c => $"    <Compile Include=\"{c}\" />\n"))}  </ItemGroup>
              <ItemGroup>
                <None Include="packages.config" />
              </ItemGroup>
              <ItemGroup>
            {string.Join("\n", references)}
              </ItemGroup>
              <ItemGroup>
            {string.Concat((projectReferences ?? Array.Empty<string>()).Select(p => $"    <ProjectReference Include=\"{p}\" />\n"))}  </ItemGroup>
            </Project>
            """;
    }
}
