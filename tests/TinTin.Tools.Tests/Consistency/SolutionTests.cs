// Copyright (c) TinTin.Nano contributors. Licensed under the MIT license.

using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using TinTin.Manifest;
using TinTin.Manifest.Consistency;

namespace TinTin.Tools.Tests.Consistency;

/// <summary>
/// The real TinTin.Nano.sln and TinTin.Host.slnf against the project files on disk: a project left
/// out of either is never built by Visual Studio or never tested by <c>dotnet test</c>.
/// </summary>
public sealed class SolutionTests
{
    private static readonly string Root = RepoRoot.Find(AppContext.BaseDirectory);

    [Fact]
    public void SolutionAndFilterListEveryProjectCorrectly()
    {
        IReadOnlyList<ConsistencyProblem> problems = SolutionCheck.Check(Root);

        Assert.True(problems.Count == 0, $"{problems.Count} problem(s):{Environment.NewLine}{string.Join(Environment.NewLine, problems)}");
    }

    [Fact]
    public void TheCheckSeesTheKnownProjects()
    {
        // Guards the test above against passing on a parse that found nothing.
        SolutionFile solution = SolutionFile.Load(Path.Combine(Root, RepoRoot.SolutionFileName));
        SolutionFilterFile filter = SolutionFilterFile.Load(Path.Combine(Root, SolutionCheck.FilterFileName));

        Assert.Contains(solution.Projects, p => p.Path == @"lib-tintin\TinTin.Engine.nfproj" && p.TypeGuid == SolutionCheck.NanoProjectType);
        Assert.Contains(solution.Projects, p => p.Path == @"tests\TinTin.Tools.Tests\TinTin.Tools.Tests.csproj" && p.TypeGuid == SolutionCheck.CSharpProjectType);
        Assert.Contains(@"tests\TinTin.Tools.Tests\TinTin.Tools.Tests.csproj", filter.Projects);
        Assert.Equal(
            ProjectConsistency.FindProjectFiles(Root, ".csproj").Count,
            filter.Projects.Count);
        Assert.True(solution.Projects.Count(p => p.TypeGuid == SolutionCheck.NanoProjectType) >= 4, "expected TinTin, TinTin.Sensors, TinTin.Firmware and NFUnitTest");
    }
}
