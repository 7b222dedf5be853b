// Copyright (c) TinTin.Nano contributors. Licensed under the MIT license.

using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using TinTin.Manifest;
using TinTin.Manifest.Consistency;
using TinTin.Tools.Tests.Support;

namespace TinTin.Tools.Tests.Consistency;

/// <summary>The real repository: its manifest, and every .nfproj against the disk, packages.config and the manifest.</summary>
public sealed class RepositoryConsistencyTests
{
    private static readonly string Root = RepoRoot.Find(AppContext.BaseDirectory);

    public static TheoryData<string> NanoProjects()
    {
        var data = new TheoryData<string>();
        foreach (string project in ProjectConsistency.FindNanoProjects(Root))
        {
            data.Add(ExactPath.Relative(Root, project));
        }

        return data;
    }

    [Fact]
    public void RepositoryManifestIsValid()
    {
        NanoManifest manifest = ManifestLoader.Load(Root);

        Assert.Equal("ESP32_PSRAM_REV0", manifest.DefaultTarget);
        Assert.Contains("M5StickC", manifest.Targets.Keys);
        Assert.Contains(manifest.Targets.Values, t => t.Platform == "stm32");
        Assert.NotNull(manifest.Targets["M5StickC"].Pins);
        Assert.Equal("COM2", manifest.DataLink.Uart);
        Assert.Equal(921600, manifest.DataLink.BaudRate);
        Assert.Equal(1, manifest.DataLink.FrameFormatVersion);
    }

    [Fact]
    public void CommittedManifestLeavesTheHostPortToTheLocalFile()
    {
        // Loading the file on its own: a developer's nanoFramework.local.json must not hide a committed port.
        using var folder = new TempFolder();
        File.Copy(Path.Combine(Root, ManifestLoader.FileName), folder.Combine(ManifestLoader.FileName));

        Assert.Null(ManifestLoader.Load(folder.Path).DataLink.HostPort);
    }

    [Fact]
    public void ExampleOverrideMergesIntoTheRepositoryManifest()
    {
        using var folder = new TempFolder();
        File.Copy(Path.Combine(Root, ManifestLoader.FileName), folder.Combine(ManifestLoader.FileName));
        File.Copy(Path.Combine(Root, "nanoFramework.local.example.json"), folder.Combine(ManifestLoader.LocalFileName));

        Assert.Equal("/dev/ttyUSB0", ManifestLoader.Load(folder.Path).DataLink.HostPort);
    }

    [Fact]
    public void GitIgnoresTheLocalOverride()
    {
        string[] lines = File.ReadAllLines(Path.Combine(Root, ".gitignore")).Select(l => l.Trim()).ToArray();

        Assert.Contains(ManifestLoader.LocalFileName, lines);
        Assert.DoesNotContain(lines, l => l == ManifestLoader.FileName || l == "*.json" || l == "nanoFramework.local.example.json");
    }

    [Fact]
    public void TheKnownNanoProjectsAreDiscovered()
    {
        string[] found = ProjectConsistency.FindNanoProjects(Root).Select(p => ExactPath.Relative(Root, p)).ToArray();

        Assert.NotEmpty(found);
        Assert.Contains("lib-tintin/TinTin.Engine.nfproj", found);
        Assert.Contains("sensors/TinTin.Sensors.nfproj", found);
        Assert.Contains("firmware/TinTin.Firmware.nfproj", found);
        Assert.Contains("firmware/Core/TinTin.Firmware.Core.nfproj", found);
        Assert.Contains("firmware/Stm32/TinTin.Firmware.Stm32.nfproj", found);
        Assert.Contains("tests/NFUnitTestEngine/NFUnitTestEngine.nfproj", found);
        Assert.Contains("tests/NFUnitTestModel/NFUnitTestModel.nfproj", found);
        Assert.Contains("tests/NFUnitTestSensors/NFUnitTestSensors.nfproj", found);
        Assert.Contains("tests/DeviceTwin/TinTin.DeviceTwin.nfproj", found);
    }

    [Theory]
    [MemberData(nameof(NanoProjects))]
    public void NanoProjectAgreesWithDiskPackagesAndManifest(string project)
    {
        IReadOnlyList<ConsistencyProblem> problems = ProjectConsistency.CheckProject(Path.Combine(Root, project), Root, ManifestLoader.Load(Root));

        Assert.True(problems.Count == 0, $"{problems.Count} problem(s) in {project}:{Environment.NewLine}{string.Join(Environment.NewLine, problems)}");
    }

    [Fact]
    public void ManifestPinsOnlyPackagesThatAreUsed()
    {
        NanoManifest manifest = ManifestLoader.Load(Root);

        List<ConsistencyProblem> problems = ProjectConsistency.CheckRepository(Root, manifest)
            .Where(p => p.File == ManifestLoader.FileName)
            .ToList();

        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
    }
}
