using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using NanoGate;
using NanoGate.Projects;

namespace TinTin.Tests.Gate;

/// <summary>
/// The gate over the real repository: every .nfproj, in both configurations, compiles against the
/// nanoFramework API and passes the metadata check. And the gate fails a project with a planted
/// violation, naming the file.
/// </summary>
public class RepositoryGateTests
{
    private static readonly Lazy<IReadOnlyList<ProjectReport>> s_reports = new(() =>
        CompatibilityGate.ForRepository(RepoPaths.Root).CheckAll(NfProject.Discover(RepoPaths.Root)));

    public static IEnumerable<object[]> ProjectsAndConfigurations() =>
        NfProject.Discover(RepoPaths.Root).SelectMany(p => CompatibilityGate.Configurations.Keys.Select(c => new object[] { Path.GetRelativePath(RepoPaths.Root, p.Path), c }));

    [Theory]
    [MemberData(nameof(ProjectsAndConfigurations))]
    public void Device_project_passes_the_gate(string project, string configuration)
    {
        var report = s_reports.Value.Single(r => Path.GetRelativePath(RepoPaths.Root, r.Project.Path) == project && r.Configuration == configuration);
        Assert.True(report.Passed, string.Join("\n", report.Lines()));
    }

    [Fact]
    public void The_device_components_are_all_gated()
    {
        var names = NfProject.Discover(RepoPaths.Root).Select(p => p.AssemblyName).ToList();
        Assert.Equal(new[] { "TinTin.Firmware", "TinTin.Firmware.Core", "TinTin.Firmware.Stm32", "TinTin.Engine", "TinTin.Engine.Native", "TinTin.Sensors", "TinTin.Sensors.Simulation", "Adxl345.Samples", "Iis3dwb.Samples", "Mpu6886.Samples", "Ina219.Samples", "TinTin.Reference", "TinTin.DeviceTwin", "NFUnitTest", "NFUnitTest", "NFUnitTest", "NFUnitTest" }.OrderBy(n => n), names.OrderBy(n => n));
    }

    [Fact]
    public void lib_tintin_is_declared_integer_only()
    {
        var lib = NfProject.Discover(RepoPaths.Root).Single(p => p.AssemblyName == "TinTin.Engine");
        Assert.True(lib.IntegerOnly, $"{lib.Path} must set <{NfProject.IntegerOnlyProperty}>true</{NfProject.IntegerOnlyProperty}>");
    }

    [Theory]
    [InlineData("using System.Collections.Generic; namespace P { public class C { public List<int> Items; } }", "CS0234")]
    [InlineData("namespace P { public static class C { public static string M(string[] p) => string.Join(\",\", p); } }", "CS0117")]
    [InlineData("namespace P { public static class C { public static (int, int) M() => (1, 2); } }", "CS8179")]
    [InlineData("namespace P { public static class C { public static System.Collections.IEnumerable M() { yield return 1; } } }", "CS0656")]
    [InlineData("namespace P { public static class C { public static long M(long x) { long y = System.Math.Abs(x); return y; } } }", "CS0266")]
    public void A_planted_compile_error_in_a_device_file_fails_its_project(string planted, string expectedId)
    {
        var report = CheckPlantedProject(planted, integerOnly: false);
        Assert.False(report.Passed);
        Assert.Contains(report.Errors, e => e.Id == expectedId && e.Text.Contains("Planted.cs"));
    }

    [Theory]
    [InlineData("namespace P { public class Box<T> { public T V; } }", "GenericType")]
    [InlineData("namespace P { public class C { public int[,] Grid; } }", "MultiDimensionalArray")]
    [InlineData("namespace P { public class C { public int M(int x) => (int)(x * 0.5); } }", "FloatingPoint")]
    public void A_planted_metadata_violation_fails_its_project(string planted, string expectedKind)
    {
        var report = CheckPlantedProject(planted, integerOnly: true);
        Assert.False(report.Passed);
        Assert.Contains(report.Violations, v => v.Kind.ToString() == expectedKind && v.Type.StartsWith("P.", StringComparison.Ordinal));
    }

    [Fact]
    public void A_missing_compile_item_fails_its_project()
    {
        var report = CheckPlantedProject("namespace P { public class C { } }", integerOnly: false, extraCompileItem: "Missing.cs");
        Assert.Contains(report.Errors, e => e.Id == "NANO002" && e.Text.Contains("Missing.cs"));
    }

    [Fact]
    public void A_clean_planted_project_passes()
    {
        Assert.True(CheckPlantedProject("namespace P { public class C { public int M(int x) => x >> 1; } }", integerOnly: true).Passed);
    }

    private static ProjectReport CheckPlantedProject(string source, bool integerOnly, string? extraCompileItem = null)
    {
        var dir = Directory.CreateTempSubdirectory("nanogate-planted-").FullName;
        try
        {
            File.WriteAllText(Path.Combine(dir, "Planted.cs"), source);
            var extra = extraCompileItem is null ? "" : $"<Compile Include=\"{extraCompileItem}\" />";
            File.WriteAllText(Path.Combine(dir, "Planted.nfproj"), $"""
                <Project ToolsVersion="Current" DefaultTargets="Build" xmlns="http://schemas.microsoft.com/developer/msbuild/2003">
                  <PropertyGroup>
                    <OutputType>Library</OutputType>
                    <AssemblyName>Planted</AssemblyName>
                    <TinTinIntegerOnly>{integerOnly.ToString().ToLowerInvariant()}</TinTinIntegerOnly>
                  </PropertyGroup>
                  <ItemGroup><Compile Include="Planted.cs" />{extra}</ItemGroup>
                  <ItemGroup>
                    <Reference Include="mscorlib, Version=1.17.11.0, Culture=neutral, PublicKeyToken=c07d481e9758c731"><HintPath>packages\nanoFramework.CoreLibrary.1.17.11\lib\mscorlib.dll</HintPath></Reference>
                    <Reference Include="System.Math, Version=1.5.116.0, Culture=neutral, PublicKeyToken=c07d481e9758c731"><HintPath>packages\nanoFramework.System.Math.1.5.116\lib\System.Math.dll</HintPath></Reference>
                  </ItemGroup>
                </Project>
                """);
            var projects = NfProject.Discover(dir);
            var reports = new CompatibilityGate(GateFixture.Surface).CheckAll(projects);
            return reports.First(r => r.Configuration == "Debug");
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }
}
