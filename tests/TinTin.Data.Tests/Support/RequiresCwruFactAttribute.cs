// Copyright (c) TinTin.Nano contributors. Licensed under the MIT license.

namespace TinTin.Data.Tests;

/// <summary>A fact that needs ../shared/data/cwru (manifest.csv and the .mat files); reported skipped, with the reason, where it is absent.</summary>
public sealed class RequiresCwruFactAttribute : FactAttribute
{
    public RequiresCwruFactAttribute()
    {
        if (!DataPaths.HasCwru)
        {
            Skip = $"skipped: the CWRU data is not in {DataPaths.Cwru} (../shared/data sits beside the repository on CI and developer machines)";
        }
    }
}
