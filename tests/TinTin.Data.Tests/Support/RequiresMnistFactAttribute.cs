// Copyright (c) TinTin.Nano contributors. Licensed under the MIT license.

namespace TinTin.Data.Tests;

/// <summary>A fact that needs the four MNIST files of ../shared/data/mnist; reported skipped, with the reason, where they are absent (xunit 2 has no dynamic skip, so the attribute decides at discovery).</summary>
public sealed class RequiresMnistFactAttribute : FactAttribute
{
    public RequiresMnistFactAttribute()
    {
        if (!DataPaths.HasMnist)
        {
            Skip = $"skipped: the MNIST files are not in {DataPaths.Mnist} (../shared/data sits beside the repository on CI and developer machines)";
        }
    }
}
