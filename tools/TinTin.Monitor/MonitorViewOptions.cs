// Copyright (c) TinTin.Nano contributors. Licensed under the MIT license.

using System;

namespace TinTin.Monitor;

/// <summary>Settings of the <see cref="MonitorView"/>.</summary>
public sealed class MonitorViewOptions
{
    /// <summary>Gets the plot file the p key writes (.png, .svg, or a base name for both); null: a timestamped PNG in <see cref="OutputFolder"/>.</summary>
    public string? PlotPath { get; init; }

    /// <summary>Gets the folder for fetched models and for plots without <see cref="PlotPath"/>.</summary>
    public string OutputFolder { get; init; } = Environment.CurrentDirectory;

    /// <summary>Gets how long to wait for the board's answer to a key's command (and for each model chunk).</summary>
    public TimeSpan CommandTimeout { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>Gets how often the screen is redrawn.</summary>
    public TimeSpan RefreshInterval { get; init; } = TimeSpan.FromMilliseconds(250);
}
