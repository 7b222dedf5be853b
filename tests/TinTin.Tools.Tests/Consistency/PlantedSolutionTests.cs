// Copyright (c) TinTin.Nano contributors. Licensed under the MIT license.

using System;
using System.Collections.Generic;
using System.Linq;
using TinTin.Manifest.Consistency;
using TinTin.Tools.Tests.Support;
using static TinTin.Tools.Tests.Support.PlantedSolution;

namespace TinTin.Tools.Tests.Consistency;

/// <summary>
/// The solution checks on a planted repository: healthy, they pass; with one thing broken, the
/// problem names the file, the project and what to do. Proves SolutionTests can fail.
/// </summary>
public sealed class PlantedSolutionTests
{
    private const string OtherGuid = "{B2B2B2B2-0000-4000-8000-000000000009}";

    // Anchors without line breaks: a Windows checkout may give the planted files CRLF.
    private const string ToolLine = $"Project(\"{SolutionCheck.CSharpProjectType}\") = \"Tool\"";

    private static readonly Dictionary<string, Action<PlantedSolution>> Breakages = new()
    {
        ["solution missing"] = r => r.Delete(Sln),
        ["csproj not in the solution"] = r => r.Write("tools/Extra/Extra.csproj", CSharpProjectText),
        ["nfproj not in the solution"] = r => r.Write("sensors/Sensors.nfproj", NanoProjectText(OtherGuid)),
        ["solution entry without a file"] = r => r.Delete(ToolProject),
        ["solution path with the wrong case"] = r => r.Replace(Sln, @"tools\Tool\Tool.csproj", @"tools\tool\Tool.csproj"),
        ["project listed twice"] = r => r.Replace(Sln, ToolLine, $"Project(\"{SolutionCheck.CSharpProjectType}\") = \"Tool2\", \"tools\\Tool\\Tool.csproj\", \"{OtherGuid}\"\nEndProject\n{ToolLine}"),
        ["two entries share a GUID"] = r => r.Replace(Sln, $"\"Tool\", \"tools\\Tool\\Tool.csproj\", \"{ToolGuid}\"", $"\"Tool\", \"tools\\Tool\\Tool.csproj\", \"{HostGuid}\""),
        ["nfproj with the C# type dotnet sln add writes"] = r => r.Replace(Sln, $"Project(\"{SolutionCheck.NanoProjectType}\")", "Project(\"{FAE04EC0-301F-11D3-BF4B-00C04F79EFBC}\")"),
        ["csproj with the nanoFramework type"] = r => r.Replace(Sln, $"Project(\"{SolutionCheck.CSharpProjectType}\") = \"Tool\"", $"Project(\"{SolutionCheck.NanoProjectType}\") = \"Tool\""),
        ["ProjectGuid differs from the solution"] = r => r.Write(NanoProject, NanoProjectText(OtherGuid)),
        ["ProjectGuid missing"] = r => r.Replace(NanoProject, $"<ProjectGuid>{NanoGuid}</ProjectGuid>", string.Empty),
        ["Debug ActiveCfg missing"] = r => r.Replace(Sln, $"{HostGuid}.Debug|Any CPU.ActiveCfg = Debug|Any CPU", string.Empty),
        ["Release Build.0 missing"] = r => r.Replace(Sln, $"{NanoGuid}.Release|Any CPU.Build.0 = Release|Any CPU", string.Empty),
        ["Deploy.0 missing"] = r => r.Replace(Sln, $"{NanoGuid}.Debug|Any CPU.Deploy.0 = Debug|Any CPU", string.Empty),
        ["Release built as Debug"] = r => r.Replace(Sln, $"{ToolGuid}.Release|Any CPU.ActiveCfg = Release|Any CPU", $"{ToolGuid}.Release|Any CPU.ActiveCfg = Debug|Any CPU"),
        ["solution configuration missing"] = r => r.Replace(Sln, "\tRelease|Any CPU = Release|Any CPU", string.Empty),
        ["filter missing"] = r => r.Delete(Slnf),
        ["filter not JSON"] = r => r.Write(Slnf, "{ \"solution\": "),
        ["filter points at another solution"] = r => r.Replace(Slnf, "\"path\": \"TinTin.Nano.sln\"", "\"path\": \"Other.sln\""),
        ["filter without solution path"] = r => r.Replace(Slnf, "\"path\": \"TinTin.Nano.sln\",", string.Empty),
        ["filter misses a csproj"] = r =>
        {
            r.Replace(Slnf, "\"tools\\\\Tool\\\\Tool.csproj\"", string.Empty);
            r.Replace(Slnf, "\"lib\\\\host\\\\Lib.Host.csproj\",", "\"lib\\\\host\\\\Lib.Host.csproj\"");
        },
        ["filter lists an nfproj"] = r => r.Replace(Slnf, "\"tools\\\\Tool\\\\Tool.csproj\"", "\"tools\\\\Tool\\\\Tool.csproj\", \"lib\\\\Lib.nfproj\""),
        ["filter lists a missing project"] = r => r.Replace(Slnf, "\"tools\\\\Tool\\\\Tool.csproj\"", "\"tools\\\\Tool\\\\Tool.csproj\", \"tools\\\\Gone\\\\Gone.csproj\""),
        ["filter lists a project twice"] = r => r.Replace(Slnf, "\"tools\\\\Tool\\\\Tool.csproj\"", "\"tools\\\\Tool\\\\Tool.csproj\", \"tools/Tool/Tool.csproj\""),
        ["filter lists a project the solution lacks"] = r =>
        {
            r.Write("tools/Extra/Extra.csproj", CSharpProjectText);
            r.Replace(Slnf, "\"tools\\\\Tool\\\\Tool.csproj\"", "\"tools\\\\Tool\\\\Tool.csproj\", \"tools\\\\Extra\\\\Extra.csproj\"");
        },
    };

    [Fact]
    public void HealthyPlantedSolutionHasNoProblems()
    {
        using var repo = new PlantedSolution();

        IReadOnlyList<ConsistencyProblem> problems = SolutionCheck.Check(repo.Root);

        Assert.True(problems.Count == 0, Describe(problems));
    }

    [Theory]
    [InlineData("solution missing", Sln, null, "solution file is missing")]
    [InlineData("csproj not in the solution", Sln, "tools/Extra/Extra.csproj", "project is not in TinTin.Nano.sln: run `dotnet sln TinTin.Nano.sln add tools/Extra/Extra.csproj` and add it to TinTin.Host.slnf")]
    [InlineData("nfproj not in the solution", Sln, "sensors/Sensors.nfproj", "run `dotnet sln TinTin.Nano.sln add sensors/Sensors.nfproj`, then change the project type it writes to {11A8DD76-328B-46DF-9F39-F559912D0360} and add its Debug|Any CPU.Deploy.0 and Release|Any CPU.Deploy.0 entries")]
    [InlineData("solution entry without a file", Sln, ToolProject, "project file does not exist (names are case-sensitive): fix the path or run `dotnet sln TinTin.Nano.sln remove tools/Tool/Tool.csproj`")]
    [InlineData("solution path with the wrong case", Sln, "tools/tool/Tool.csproj", "project file does not exist")]
    [InlineData("project listed twice", Sln, ToolProject, "project is listed twice")]
    [InlineData("two entries share a GUID", Sln, HostGuid, "GUID is used by more than one entry (Lib.Host, Tool)")]
    [InlineData("nfproj with the C# type dotnet sln add writes", Sln, NanoProject, "project type is {FAE04EC0-301F-11D3-BF4B-00C04F79EFBC}, expected {11A8DD76-328B-46DF-9F39-F559912D0360} (nanoFramework project)")]
    [InlineData("csproj with the nanoFramework type", Sln, ToolProject, "project type is {11A8DD76-328B-46DF-9F39-F559912D0360}, expected {9A19103F-16F7-4668-BE54-9A1E7A4F7556} (SDK-style C# project)")]
    [InlineData("ProjectGuid differs from the solution", NanoProject, "ProjectGuid", "<ProjectGuid> is {B2B2B2B2-0000-4000-8000-000000000009} but TinTin.Nano.sln gives the project {A1A1A1A1-0000-4000-8000-000000000001}")]
    [InlineData("ProjectGuid missing", NanoProject, "ProjectGuid", "<ProjectGuid> is missing: add <ProjectGuid>{A1A1A1A1-0000-4000-8000-000000000001}</ProjectGuid>")]
    [InlineData("Debug ActiveCfg missing", Sln, HostProject, "add `{A1A1A1A1-0000-4000-8000-000000000002}.Debug|Any CPU.ActiveCfg = Debug|Any CPU` to GlobalSection(ProjectConfigurationPlatforms)")]
    [InlineData("Release Build.0 missing", Sln, NanoProject, "add `{A1A1A1A1-0000-4000-8000-000000000001}.Release|Any CPU.Build.0 = Release|Any CPU`")]
    [InlineData("Deploy.0 missing", Sln, NanoProject, "add `{A1A1A1A1-0000-4000-8000-000000000001}.Debug|Any CPU.Deploy.0 = Debug|Any CPU`")]
    [InlineData("Release built as Debug", Sln, ToolProject, "`{A1A1A1A1-0000-4000-8000-000000000003}.Release|Any CPU.ActiveCfg` is `Debug|Any CPU`, expected `Release|Any CPU`")]
    [InlineData("solution configuration missing", Sln, "Release|Any CPU", "solution configuration is missing")]
    [InlineData("filter missing", Slnf, null, "solution filter is missing")]
    [InlineData("filter not JSON", Slnf, null, "not a valid solution filter")]
    [InlineData("filter points at another solution", Slnf, "solution.path", "solution.path is 'Other.sln', expected 'TinTin.Nano.sln'")]
    [InlineData("filter without solution path", Slnf, "solution.path", "solution.path is missing, expected 'TinTin.Nano.sln'")]
    [InlineData("filter misses a csproj", Slnf, ToolProject, """project is not in TinTin.Host.slnf, so `dotnet test TinTin.Host.slnf` leaves it out: add "tools\\Tool\\Tool.csproj" to solution.projects""")]
    [InlineData("filter lists an nfproj", Slnf, NanoProject, "the dotnet CLI cannot build a .nfproj: remove it from TinTin.Host.slnf")]
    [InlineData("filter lists a missing project", Slnf, "tools/Gone/Gone.csproj", "project file does not exist")]
    [InlineData("filter lists a project twice", Slnf, ToolProject, "project is listed twice")]
    [InlineData("filter lists a project the solution lacks", Slnf, "tools/Extra/Extra.csproj", "project is not in TinTin.Nano.sln, so the filter cannot load it: run `dotnet sln TinTin.Nano.sln add tools/Extra/Extra.csproj`")]
    public void PlantedBreakageIsReportedWithFileAndProject(string breakage, string expectedFile, string? expectedItem, string expectedMessage)
    {
        using var repo = new PlantedSolution();
        Breakages[breakage](repo);

        IReadOnlyList<ConsistencyProblem> problems = SolutionCheck.Check(repo.Root);

        Assert.True(
            problems.Any(p => p.File == expectedFile && p.Item == expectedItem && p.Message.Contains(expectedMessage, StringComparison.Ordinal)),
            $"expected a problem '{expectedFile}: {expectedItem}: ...{expectedMessage}...' but got:{Environment.NewLine}{Describe(problems)}");
    }

    [Fact]
    public void EveryBreakageHasACase()
    {
        string[] covered = typeof(PlantedSolutionTests)
            .GetMethod(nameof(PlantedBreakageIsReportedWithFileAndProject))!
            .GetCustomAttributes(typeof(InlineDataAttribute), false)
            .Cast<InlineDataAttribute>()
            .Select(a => (string)a.GetData(null!).Single()[0])
            .ToArray();

        Assert.Equal(Breakages.Keys.OrderBy(k => k), covered.OrderBy(k => k));
    }

    [Fact]
    public void SolutionFileReadsProjectsAndConfigurations()
    {
        using var repo = new PlantedSolution();

        SolutionFile solution = SolutionFile.Load(System.IO.Path.Combine(repo.Root, Sln));

        Assert.Equal(new[] { "lib", "Lib", "Lib.Host", "Tool" }, solution.Projects.Select(p => p.Name));
        Assert.Equal(new[] { true, false, false, false }, solution.Projects.Select(p => p.IsFolder));
        Assert.Equal(@"lib\host\Lib.Host.csproj", solution.Projects[2].Path);
        Assert.Equal(new[] { "Debug|Any CPU", "Release|Any CPU" }, solution.SolutionConfigurations.OrderBy(c => c, StringComparer.Ordinal));
        Assert.Equal("Release|Any CPU", solution.ProjectConfiguration(NanoGuid.ToLowerInvariant(), "Release|Any CPU.Deploy.0"));
        Assert.Null(solution.ProjectConfiguration(HostGuid, "Release|Any CPU.Deploy.0"));
    }

    private static string Describe(IReadOnlyList<ConsistencyProblem> problems) =>
        problems.Count == 0 ? "(no problems)" : string.Join(Environment.NewLine, problems);
}
