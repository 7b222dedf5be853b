// Copyright (c) TinTin.Nano contributors. Licensed under the MIT license.

using System;

namespace TinTin.Bench.Tests;

/// <summary>Sets an environment variable for the life of the scope and restores its previous value (or absence).</summary>
internal sealed class EnvironmentVariableScope : IDisposable
{
    private readonly string _name;
    private readonly string? _previous;

    public EnvironmentVariableScope(string name, string? value)
    {
        _name = name;
        _previous = Environment.GetEnvironmentVariable(name);
        Environment.SetEnvironmentVariable(name, value);
    }

    public void Dispose() => Environment.SetEnvironmentVariable(_name, _previous);
}

/// <summary>
/// Tests that read or change <c>$TINTIN_DATA</c> (or resolve the data folder without <c>--data</c>):
/// one collection, run on its own, so no other test sees the variable change under it.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class DataFolderEnvironmentCollection
{
    public const string Name = "TINTIN_DATA environment variable";
}
