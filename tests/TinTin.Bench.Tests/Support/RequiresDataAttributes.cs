// Copyright (c) TinTin.Nano contributors. Licensed under the MIT license.

namespace TinTin.Bench.Tests;

// xunit 2 has no dynamic skip: these attributes decide at discovery, and the reason names the folder.

/// <summary>A fact that needs the four MNIST files of ../shared/data/mnist.</summary>
public sealed class RequiresMnistFactAttribute : FactAttribute
{
    public RequiresMnistFactAttribute()
    {
        if (!DataPaths.HasMnist)
        {
            Skip = DataPaths.MissingMnist;
        }
    }
}

/// <summary>A theory that needs the four MNIST files of ../shared/data/mnist.</summary>
public sealed class RequiresMnistTheoryAttribute : TheoryAttribute
{
    public RequiresMnistTheoryAttribute()
    {
        if (!DataPaths.HasMnist)
        {
            Skip = DataPaths.MissingMnist;
        }
    }
}

/// <summary>A fact that needs ../shared/data/cwru.</summary>
public sealed class RequiresCwruFactAttribute : FactAttribute
{
    public RequiresCwruFactAttribute()
    {
        if (!DataPaths.HasCwru)
        {
            Skip = DataPaths.MissingCwru;
        }
    }
}

/// <summary>A theory that needs ../shared/data/cwru.</summary>
public sealed class RequiresCwruTheoryAttribute : TheoryAttribute
{
    public RequiresCwruTheoryAttribute()
    {
        if (!DataPaths.HasCwru)
        {
            Skip = DataPaths.MissingCwru;
        }
    }
}
