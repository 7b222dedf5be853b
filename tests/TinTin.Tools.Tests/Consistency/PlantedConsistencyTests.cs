// Copyright (c) TinTin.Nano contributors. Licensed under the MIT license.

using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using TinTin.Manifest;
using TinTin.Manifest.Consistency;
using TinTin.Tools.Tests.Support;

namespace TinTin.Tools.Tests.Consistency;

/// <summary>
/// The checks that guard the real repository, run on a planted copy: healthy, it passes; with one
/// thing broken, the problem names the file and the item. Proves the real-repo tests can fail.
/// </summary>
public sealed class PlantedConsistencyTests
{
    private const string Lib = PlantedRepo.LibProject;
    private const string Io = PlantedRepo.IoProject;
    private const string Test = PlantedRepo.TestProject;
    private const string CoreHint = @"..\packages\nanoFramework.CoreLibrary.1.17.11\lib\mscorlib.dll";

    private static readonly Dictionary<string, Action<PlantedRepo>> Breakages = new()
    {
        ["source not listed"] = r => r.Write("lib/Core/Extra.cs", "// new"),
        ["source in a subfolder not listed"] = r => r.Write("lib/Core/Deep/Inner.cs", "// new"),
        ["compile item missing on disk"] = r => r.Delete("lib/Core/Thing.cs"),
        ["wildcard compile item"] = r => r.Replace(Lib, @"<Compile Include=""Core\Thing.cs"" />", @"<Compile Include=""Core\Thing.cs"" /><Compile Include=""**\*.cs"" />"),
        ["duplicate compile item"] = r => r.Replace(Lib, @"<Compile Include=""Core\Thing.cs"" />", @"<Compile Include=""Core\Thing.cs"" /><Compile Include=""Core/Thing.cs"" />"),
        ["package version disagrees with manifest"] = r => r.Replace("lib/packages.config", "version=\"1.17.11\"", "version=\"1.17.7\""),
        ["package not pinned"] = r => r.Replace("lib/packages.config", "</packages>", "<package id=\"nanoFramework.System.Math\" version=\"1.5.116\" targetFramework=\"netnano1.0\" />\n</packages>"),
        ["package listed twice"] = r => r.Replace("lib/packages.config", "</packages>", "<package id=\"nanoFramework.CoreLibrary\" version=\"1.17.11\" targetFramework=\"netnano1.0\" />\n</packages>"),
        ["wrong target framework"] = r => r.Replace("lib/packages.config", "netnano1.0", "net48"),
        ["packages.config missing"] = r => r.Delete("lib/packages.config"),
        ["package neither referenced nor a dependency"] = r => r.Replace("lib/packages.config", "</packages>", "<package id=\"nanoFramework.Runtime.Events\" version=\"1.11.39\" targetFramework=\"netnano1.0\" />\n</packages>"),
        ["dependency missing from packages.config"] = r => r.Replace("io/packages.config", "<package id=\"nanoFramework.Runtime.Events\" version=\"1.11.39\" targetFramework=\"netnano1.0\" />", string.Empty),
        ["hint path version disagrees with packages.config"] = r => r.Replace(Io, @"nanoFramework.System.Device.Spi.1.3.89\lib", @"nanoFramework.System.Device.Spi.1.3.80\lib"),
        ["hint path names an unlisted package"] = r => r.Replace(Lib, @"nanoFramework.CoreLibrary.1.17.11\lib", @"nanoFramework.CoreLib.1.17.11\lib"),
        ["hint path of the wrong shape"] = r => r.Replace(Lib, CoreHint, @"..\packages\nanoFramework.CoreLibrary.1.17.11\mscorlib.dll"),
        ["hint path outside the repository packages folder"] = r => r.Replace(Test, @"..\..\packages\nanoFramework.CoreLibrary", @"..\packages\nanoFramework.CoreLibrary"),
        ["reference without hint path"] = r => r.Replace(Lib, $"<HintPath>{CoreHint}</HintPath>", string.Empty),
        ["reference version disagrees with package"] = r => r.Replace(Lib, "mscorlib, Version=1.17.11.0", "mscorlib, Version=1.17.7.0"),
        ["reference without version"] = r => r.Replace(Lib, "mscorlib, Version=1.17.11.0, ", "mscorlib, "),
        ["reference name differs from hint path file"] = r => r.Replace(Lib, "Include=\"mscorlib,", "Include=\"corlib,"),
        ["reference to an assembly the package does not ship"] = r =>
        {
            r.Replace(Io, "System.Device.Spi.dll", "System.Device.Spix.dll");
            r.Replace(Io, "Include=\"System.Device.Spi,", "Include=\"System.Device.Spix,");
        },
        ["project reference missing"] = r => r.Replace(Io, @"..\lib\Lib.nfproj", @"..\lib\Library.nfproj"),
        ["project reference with the wrong case"] = r => r.Replace(Io, @"..\lib\Lib.nfproj", @"..\lib\lib.nfproj"),
        ["assembly name differs from project file"] = r => r.Replace(Lib, "<AssemblyName>Lib</AssemblyName>", "<AssemblyName>Library</AssemblyName>"),
        ["assembly name missing"] = r => r.Replace(Lib, "<AssemblyName>Lib</AssemblyName>", string.Empty),
        ["test assembly not named NFUnitTest"] = r => r.Replace(Test, "<AssemblyName>NFUnitTest</AssemblyName>", "<AssemblyName>TinTinTests</AssemblyName>"),
        ["test framework not a development dependency"] = r => r.Replace("tests/NFUnitTest/packages.config", " developmentDependency=\"true\"", string.Empty),
        ["run settings path missing"] = r => r.Replace(Test, @"<RunSettingsFilePath>$(MSBuildProjectDirectory)\nano.runsettings</RunSettingsFilePath>", string.Empty),
        ["run settings file missing"] = r => r.Delete("tests/NFUnitTest/nano.runsettings"),
        ["run settings not well-formed"] = r => r.Write("tests/NFUnitTest/nano.runsettings", "<RunSettings><nanoFrameworkAdapter>"),
        ["run settings without adapter section"] = r => r.Write("tests/NFUnitTest/nano.runsettings", "<RunSettings><RunConfiguration /></RunSettings>"),
        ["project file not well-formed"] = r => r.Write(Lib, "<Project><ItemGroup>"),
        ["manifest pins an unused package"] = r =>
        {
            r.Replace(Io, PlantedRepo.Reference("System.Device.Spi", "1.3.89.0", @"..\packages\nanoFramework.System.Device.Spi.1.3.89\lib\System.Device.Spi.dll"), string.Empty);
            r.Replace("io/packages.config", "<package id=\"nanoFramework.System.Device.Spi\" version=\"1.3.89\" targetFramework=\"netnano1.0\" />", string.Empty);
        },
    };

    [Fact]
    public void HealthyPlantedRepoHasNoProblems()
    {
        using var repo = new PlantedRepo();

        IReadOnlyList<ConsistencyProblem> problems = ProjectConsistency.CheckRepository(repo.Root, repo.Manifest);

        Assert.True(problems.Count == 0, Describe(problems));
    }

    [Theory]
    [InlineData("source not listed", Lib, @"Core\Extra.cs", "source file is not a Compile item: add <Compile Include=\"Core\\Extra.cs\" />")]
    [InlineData("source in a subfolder not listed", Lib, @"Core\Deep\Inner.cs", "source file is not a Compile item")]
    [InlineData("compile item missing on disk", Lib, @"Core\Thing.cs", "Compile item does not exist on disk")]
    [InlineData("wildcard compile item", Lib, @"**\*.cs", "wildcards are not allowed")]
    [InlineData("duplicate compile item", Lib, "Core/Thing.cs", "Compile item is listed twice")]
    [InlineData("package version disagrees with manifest", "lib/packages.config", "nanoFramework.CoreLibrary", "version 1.17.7 disagrees with nanoFramework.json, which pins 1.17.11")]
    [InlineData("package not pinned", "lib/packages.config", "nanoFramework.System.Math", "package is not pinned in nanoFramework.json")]
    [InlineData("package listed twice", "lib/packages.config", "nanoFramework.CoreLibrary", "package is listed twice")]
    [InlineData("wrong target framework", "lib/packages.config", "nanoFramework.CoreLibrary", "targetFramework is 'net48', expected 'netnano1.0'")]
    [InlineData("packages.config missing", "lib/packages.config", null, "packages.config is missing")]
    [InlineData("package neither referenced nor a dependency", "lib/packages.config", "nanoFramework.Runtime.Events", "package is neither referenced by a <Reference> HintPath nor a dependency of a referenced package")]
    [InlineData("dependency missing from packages.config", "io/packages.config", "nanoFramework.System.Device.Gpio", "depends on nanoFramework.Runtime.Events >= 1.11.37, which packages.config does not list")]
    [InlineData("hint path version disagrees with packages.config", Io, "System.Device.Spi", "HintPath uses nanoFramework.System.Device.Spi version 1.3.80 but packages.config has 1.3.89")]
    [InlineData("hint path names an unlisted package", Lib, "mscorlib", "HintPath package folder 'nanoFramework.CoreLib.1.17.11' matches no packages.config entry")]
    [InlineData("hint path of the wrong shape", Lib, "mscorlib", "is not of the form ..\\packages\\<id>.<version>\\lib\\<assembly>.dll")]
    [InlineData("hint path outside the repository packages folder", Test, "mscorlib", "not to the repository's packages folder")]
    [InlineData("reference without hint path", Lib, "mscorlib", "Reference has no HintPath")]
    [InlineData("reference version disagrees with package", Lib, "mscorlib", "Reference Version=1.17.7.0 but nanoFramework.CoreLibrary 1.17.11 ships assembly version 1.17.11.0")]
    [InlineData("reference without version", Lib, "mscorlib", "Reference has no Version= (expected Version=1.17.11.0)")]
    [InlineData("reference name differs from hint path file", Lib, "corlib", "Reference name 'corlib' does not match the HintPath file 'mscorlib.dll'")]
    [InlineData("reference to an assembly the package does not ship", Io, "System.Device.Spix", "nanoFramework.System.Device.Spi ships no assembly 'System.Device.Spix'")]
    [InlineData("project reference missing", Io, @"..\lib\Library.nfproj", "ProjectReference points at a file that does not exist")]
    [InlineData("project reference with the wrong case", Io, @"..\lib\lib.nfproj", "ProjectReference points at a file that does not exist")]
    [InlineData("assembly name differs from project file", Lib, "AssemblyName", "AssemblyName is Library, expected Lib")]
    [InlineData("assembly name missing", Lib, "AssemblyName", "AssemblyName is missing (expected Lib)")]
    [InlineData("test assembly not named NFUnitTest", Test, "AssemblyName", "AssemblyName is TinTinTests, expected NFUnitTest: the on-device test launcher loads the assembly NFUnitTest")]
    [InlineData("test framework not a development dependency", "tests/NFUnitTest/packages.config", "nanoFramework.TestFramework", "must be marked developmentDependency=\"true\"")]
    [InlineData("run settings path missing", Test, "RunSettingsFilePath", "test project must set RunSettingsFilePath")]
    [InlineData("run settings file missing", Test, "nano.runsettings", "test project has no nano.runsettings beside it")]
    [InlineData("run settings not well-formed", "tests/NFUnitTest/nano.runsettings", null, "not well-formed XML")]
    [InlineData("run settings without adapter section", "tests/NFUnitTest/nano.runsettings", null, "has no <nanoFrameworkAdapter> section")]
    [InlineData("project file not well-formed", Lib, null, "not well-formed XML")]
    [InlineData("manifest pins an unused package", "nanoFramework.json", "nanoFramework.System.Device.Spi", "package is pinned but no packages.config uses it")]
    public void PlantedBreakageIsReportedWithFileAndItem(string breakage, string expectedFile, string? expectedItem, string expectedMessage)
    {
        using var repo = new PlantedRepo();
        Breakages[breakage](repo);

        IReadOnlyList<ConsistencyProblem> problems = ProjectConsistency.CheckRepository(repo.Root, repo.Manifest);

        Assert.True(
            problems.Any(p => p.File == expectedFile && p.Item == expectedItem && p.Message.Contains(expectedMessage, StringComparison.Ordinal)),
            $"expected a problem '{expectedFile}: {expectedItem}: ...{expectedMessage}...' but got:{Environment.NewLine}{Describe(problems)}");
    }

    [Fact]
    public void EveryBreakageHasACase()
    {
        string[] covered = typeof(PlantedConsistencyTests)
            .GetMethod(nameof(PlantedBreakageIsReportedWithFileAndItem))!
            .GetCustomAttributes(typeof(InlineDataAttribute), false)
            .Cast<InlineDataAttribute>()
            .Select(a => (string)a.GetData(null!).Single()[0])
            .ToArray();

        Assert.Equal(Breakages.Keys.OrderBy(k => k), covered.OrderBy(k => k));
    }

    [Fact]
    public void SourceWithTheWrongCaseIsBothMissingAndUnlisted()
    {
        using var repo = new PlantedRepo();
        repo.Rename("lib/Core/Thing.cs", "lib/Core/thing.cs");

        IReadOnlyList<ConsistencyProblem> problems = ProjectConsistency.CheckRepository(repo.Root, repo.Manifest);

        Assert.Contains(problems, p => p.File == Lib && p.Item == @"Core\Thing.cs" && p.Message.Contains("does not exist on disk", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.File == Lib && p.Item == @"Core\thing.cs" && p.Message.Contains("is not a Compile item", StringComparison.Ordinal));
    }

    [Fact]
    public void HostBinObjAndOtherProjectsFoldersAreNotSourcesOfTheProject()
    {
        using var repo = new PlantedRepo();
        string libDirectory = Path.GetDirectoryName(repo.PathOf(Lib))!;

        IReadOnlyList<string> sources = SourceListCheck.SourceFiles(libDirectory).Select(f => ExactPath.Relative(libDirectory, f)).ToList();

        Assert.Equal(new[] { "Core/Thing.cs", "Nano/Board.cs", "Properties/AssemblyInfo.cs" }, sources);
    }

    [Fact]
    public void ProjectDiscoverySkipsBuildOutputAndPackages()
    {
        using var repo = new PlantedRepo();
        repo.Write("lib/bin/Debug/Copy.nfproj", "<Project />");
        repo.Write("lib/obj/Copy.nfproj", "<Project />");
        repo.Write("packages/Some.Package.1.0.0/Sample.nfproj", "<Project />");

        IEnumerable<string> found = ProjectConsistency.FindNanoProjects(repo.Root).Select(p => ExactPath.Relative(repo.Root, p));

        Assert.Equal(new[] { Io, Lib, Test }, found);
    }

    [Fact]
    public void RepositoryWithoutProjectsIsAProblem()
    {
        using var folder = new TempFolder();
        folder.Write(ManifestLoader.FileName, TestManifest.Json);

        IReadOnlyList<ConsistencyProblem> problems = ProjectConsistency.CheckRepository(folder.Path, ManifestLoader.Load(folder.Path));

        Assert.Contains(problems, p => p.Message == "no .nfproj found under the repository root");
    }

    [Fact]
    public void ProblemTextNamesFileItemAndCause()
    {
        Assert.Equal("lib/Lib.nfproj: Core\\X.cs: missing", new ConsistencyProblem("lib/Lib.nfproj", "Core\\X.cs", "missing").ToString());
        Assert.Equal("lib/packages.config: missing", new ConsistencyProblem("lib/packages.config", null, "missing").ToString());
    }

    private static string Describe(IReadOnlyList<ConsistencyProblem> problems) =>
        problems.Count == 0 ? "(no problems)" : string.Join(Environment.NewLine, problems);
}
