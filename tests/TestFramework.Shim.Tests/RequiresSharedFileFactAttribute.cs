// Copyright (c) TinTin.Nano contributors. Licensed under the MIT license.

namespace TinTin.TestLauncher.Tests;

/// <summary>
/// A fact that needs a file of the reference folder <c>../shared</c>. Where the file is absent (a
/// user's clone, or the test assembly run outside the repository) the fact is reported skipped with
/// the reason, not passed: xunit 2.9 has no dynamic skip, so the attribute decides at discovery.
/// </summary>
public sealed class RequiresSharedFileFactAttribute : FactAttribute
{
    /// <param name="relativePath">The file's path under <c>shared/</c>, e.g. <c>nanoframework-api/nanoFramework.TestFramework.api.txt</c>.</param>
    public RequiresSharedFileFactAttribute(string relativePath)
    {
        RelativePath = relativePath;
        if (SharedReference.Find(relativePath) is null)
        {
            Skip = $"skipped: ../shared/{relativePath} was not found beside the repository (searched up from {System.AppContext.BaseDirectory}); "
                + "the shared folder sits beside the repository on CI and developer machines";
        }
    }

    /// <summary>The file's path under <c>shared/</c>.</summary>
    public string RelativePath { get; }
}
