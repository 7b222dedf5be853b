// Copyright (c) TinTin.Nano contributors. Licensed under the MIT license.

using System;
using System.IO;
using TinTin.Manifest;
using TinTin.Manifest.Consistency;
using Xunit;

namespace TinTin.Tools.Tests.Support;

/// <summary>
/// A small, consistent repository in a temp folder for the solution checks: one .nfproj, a host
/// .csproj and a tool .csproj, TinTin.Nano.sln with a solution folder, and TinTin.Host.slnf; plus
/// project copies under bin/, obj/ and packages/ that the checks must ignore.
/// </summary>
public sealed class PlantedSolution : IDisposable
{
    public const string Sln = RepoRoot.SolutionFileName;
    public const string Slnf = SolutionCheck.FilterFileName;
    public const string NanoProject = "lib/Lib.nfproj";
    public const string HostProject = "lib/host/Lib.Host.csproj";
    public const string ToolProject = "tools/Tool/Tool.csproj";
    public const string NanoGuid = "{A1A1A1A1-0000-4000-8000-000000000001}";
    public const string HostGuid = "{A1A1A1A1-0000-4000-8000-000000000002}";
    public const string ToolGuid = "{A1A1A1A1-0000-4000-8000-000000000003}";

    private readonly TempFolder _folder = new();

    public PlantedSolution()
    {
        Write(NanoProject, NanoProjectText(NanoGuid));
        Write(HostProject, CSharpProjectText);
        Write(ToolProject, CSharpProjectText);
        Write("lib/bin/Debug/Lib.Host.csproj", CSharpProjectText);
        Write("lib/obj/Copy.nfproj", NanoProjectText(NanoGuid));
        Write("packages/Some.Package.1.0.0/Sample.csproj", CSharpProjectText);
        Write(Sln, SolutionText);
        Write(Slnf, FilterText);
    }

    public const string CSharpProjectText = """<Project Sdk="Microsoft.NET.Sdk" />""";

    public string Root => _folder.Path;

    public static string NanoProjectText(string guid) => $"""
        <?xml version="1.0" encoding="utf-8"?>
        <Project ToolsVersion="Current" DefaultTargets="Build" xmlns="http://schemas.microsoft.com/developer/msbuild/2003">
          <PropertyGroup>
            <ProjectGuid>{guid}</ProjectGuid>
            <AssemblyName>Lib</AssemblyName>
          </PropertyGroup>
        </Project>
        """;

    public string Write(string relative, string content) => _folder.Write(relative, content);

    public void Delete(string relative) => File.Delete(_folder.Combine(relative));

    /// <summary>Replaces text in a file, failing the test if the text is not there (so a breakage can never silently do nothing).</summary>
    public void Replace(string relative, string oldText, string newText)
    {
        string path = _folder.Combine(relative);
        string content = File.ReadAllText(path);
        Assert.Contains(oldText, content);
        File.WriteAllText(path, content.Replace(oldText, newText));
    }

    public void Dispose() => _folder.Dispose();

    private const string SolutionText = $$"""

        Microsoft Visual Studio Solution File, Format Version 12.00
        # Visual Studio Version 17
        VisualStudioVersion = 17.0.31903.59
        MinimumVisualStudioVersion = 10.0.40219.1
        Project("{2150E333-8FDC-42A3-9474-1A3956D46DE8}") = "lib", "lib", "{A1A1A1A1-0000-4000-8000-00000000000F}"
        EndProject
        Project("{11A8DD76-328B-46DF-9F39-F559912D0360}") = "Lib", "lib\Lib.nfproj", "{{NanoGuid}}"
        EndProject
        Project("{9A19103F-16F7-4668-BE54-9A1E7A4F7556}") = "Lib.Host", "lib\host\Lib.Host.csproj", "{{HostGuid}}"
        EndProject
        Project("{9A19103F-16F7-4668-BE54-9A1E7A4F7556}") = "Tool", "tools\Tool\Tool.csproj", "{{ToolGuid}}"
        EndProject
        Global
        	GlobalSection(SolutionConfigurationPlatforms) = preSolution
        		Debug|Any CPU = Debug|Any CPU
        		Release|Any CPU = Release|Any CPU
        	EndGlobalSection
        	GlobalSection(ProjectConfigurationPlatforms) = postSolution
        		{{NanoGuid}}.Debug|Any CPU.ActiveCfg = Debug|Any CPU
        		{{NanoGuid}}.Debug|Any CPU.Build.0 = Debug|Any CPU
        		{{NanoGuid}}.Debug|Any CPU.Deploy.0 = Debug|Any CPU
        		{{NanoGuid}}.Release|Any CPU.ActiveCfg = Release|Any CPU
        		{{NanoGuid}}.Release|Any CPU.Build.0 = Release|Any CPU
        		{{NanoGuid}}.Release|Any CPU.Deploy.0 = Release|Any CPU
        		{{HostGuid}}.Debug|Any CPU.ActiveCfg = Debug|Any CPU
        		{{HostGuid}}.Debug|Any CPU.Build.0 = Debug|Any CPU
        		{{HostGuid}}.Release|Any CPU.ActiveCfg = Release|Any CPU
        		{{HostGuid}}.Release|Any CPU.Build.0 = Release|Any CPU
        		{{ToolGuid}}.Debug|Any CPU.ActiveCfg = Debug|Any CPU
        		{{ToolGuid}}.Debug|Any CPU.Build.0 = Debug|Any CPU
        		{{ToolGuid}}.Release|Any CPU.ActiveCfg = Release|Any CPU
        		{{ToolGuid}}.Release|Any CPU.Build.0 = Release|Any CPU
        	EndGlobalSection
        	GlobalSection(NestedProjects) = preSolution
        		{{NanoGuid}} = {A1A1A1A1-0000-4000-8000-00000000000F}
        		{{HostGuid}} = {A1A1A1A1-0000-4000-8000-00000000000F}
        	EndGlobalSection
        EndGlobal

        """;

    private const string FilterText = """
        {
          "solution": {
            "path": "TinTin.Nano.sln",
            "projects": [
              "lib\\host\\Lib.Host.csproj",
              "tools\\Tool\\Tool.csproj"
            ]
          }
        }
        """;
}
